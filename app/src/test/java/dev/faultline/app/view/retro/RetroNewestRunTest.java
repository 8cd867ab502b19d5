package dev.faultline.app.view.retro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrospective was open on yesterday's GameDay; today's has just ended: shown again, the
 * screen opens today's, the one to write up, not yesterday's (the walk found the team about to
 * write into the wrong day). A run the leader chose stays chosen while nothing new has run.
 */
class RetroNewestRunTest {
    static final Instant YESTERDAY = Instant.parse("2026-12-06T11:00:00Z");
    static final Instant TODAY = Instant.parse("2026-12-07T01:48:00Z");

    @TempDir
    Path home;

    private FaultlineStore store;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void aGameDayRanYesterday() throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
        gameDay("gd-yesterday", YESTERDAY);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void gameDay(String id, Instant at) throws Exception {
        long day = store.gameDays().saveGameDay("first-gameday", "First GameDay", "kind: GameDay", "sha-" + id);
        store.gameDays().createRun(id, day, "sandbox", at);
        store.gameDays().finishRun(id, "COMPLETED", at.plusSeconds(300), "");
    }

    private RetroViewModel model() {
        Clock clock = Clock.fixed(TODAY.plusSeconds(600), ZoneOffset.UTC);
        return new RetroViewModel(
                new AppRetroActions(() -> store, clock, (id, format, to) -> to),
                ZoneId.of("Europe/Berlin"),
                clock,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
    }

    @Test
    void aGameDayThatRanSinceTheLastReadIsSelected() throws Exception {
        RetroViewModel m = model();
        m.refresh();
        assertThat(m.selectedProperty().get().id()).isEqualTo("gd-yesterday");

        gameDay("gd-today", TODAY);
        m.refresh();

        assertThat(m.runs()).extracting(r -> r.id()).containsExactly("gd-today", "gd-yesterday");
        assertThat(m.selectedProperty().get().id()).isEqualTo("gd-today");
        assertThat(errors).isEmpty();
    }

    @Test
    void aRunTheLeaderChoseStaysChosenWhileNothingNewRan() throws Exception {
        gameDay("gd-today", TODAY);
        RetroViewModel m = model();
        m.refresh();
        m.select(m.runs().get(1));

        m.refresh();

        assertThat(m.selectedProperty().get().id()).isEqualTo("gd-yesterday");
    }
}
