package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.report.SearchHit;
import java.time.ZoneId;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Search across every GameDay's notes, findings, lessons and action items; when each was written, in the user's zone. */
public final class RetroSearch {
    private final RetroActions actions;
    private final ZoneId zone;
    private final Work work;
    private final ObservableList<String> hits = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<String> hitsView = FXCollections.unmodifiableObservableList(hits);

    RetroSearch(RetroActions actions, ZoneId zone, Work work) {
        this.actions = actions;
        this.zone = zone;
        this.work = work;
    }

    public void search(String term) {
        work.run(
                "retro-search",
                () -> actions.search(term.strip()),
                found -> hits.setAll(found.stream().map(this::hit).toList()),
                err -> hits.setAll("search failed: " + Dialogs.message(err)));
    }

    private String hit(SearchHit h) {
        return h.kind() + " · " + RetroViewModel.TIME.format(h.at().atZone(zone)) + " · " + h.snippet();
    }

    public ObservableList<String> hits() {
        return hitsView;
    }
}
