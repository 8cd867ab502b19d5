package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The report of the selected run, exported off the FX thread: a file name and folder proposed
 * (the user's folder, then the last one used), times in the user's zone, a busy flag while it is
 * written, and where it went with its folder to open.
 */
public final class RetroReportExport {
    private final RetroActions actions;
    private final ZoneId zone;
    private final Clock clock;
    private final RetroWrites writes;
    private final Supplier<@Nullable GameDayRunRecord> run;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<@Nullable Instant> since = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Path> written = new ReadOnlyObjectWrapper<>();
    private @Nullable Path lastFolder;

    RetroReportExport(
            RetroActions actions,
            ZoneId zone,
            Clock clock,
            RetroWrites writes,
            Supplier<@Nullable GameDayRunRecord> run) {
        this.actions = actions;
        this.zone = zone;
        this.clock = clock;
        this.writes = writes;
        this.run = run;
    }

    /** Writes the selected run's report (nothing while one is being written), saying where or why not. */
    public void export(String format, Path to) {
        GameDayRunRecord r = run.get();
        if (r == null || busy.get()) {
            return;
        }
        busy.set(true);
        since.set(clock.instant());
        written.set(null);
        Path folder = to.toAbsolutePath().getParent();
        if (folder != null) {
            lastFolder = folder;
        }
        writes.status("writing the " + format.toUpperCase(Locale.ROOT) + " report of " + r.title() + "…");
        writes.work()
                .run(
                        "retro-report",
                        () -> actions.exportReport(r.id(), format, to),
                        p -> {
                            busy.set(false);
                            written.set(p);
                            writes.status("report written to " + p);
                        },
                        err -> {
                            busy.set(false);
                            writes.status("the report could not be written: " + Dialogs.message(err));
                            writes.errors().accept("The report could not be written", err);
                        });
    }

    /** The file a report of the selected run is offered as: in the last folder used, or the user's folder. */
    public Path proposed(String format) {
        GameDayRunRecord r = run.get();
        Path folder = lastFolder != null ? lastFolder : actions.reportFolder();
        return folder.resolve(r == null ? "report." + format : fileName(r, format, zone));
    }

    /** "payments-2026-12-06-report.pdf": the GameDay's name and the day it ran, in the user's zone. */
    public static String fileName(GameDayRunRecord run, String format, ZoneId zone) {
        return run.name() + "-" + LocalDate.ofInstant(run.startedAt(), zone) + "-report." + format;
    }

    /** Opens the folder of the report just written in the desktop's file manager. */
    public void openFolder() {
        Path p = written.get();
        Path folder = p == null ? null : p.getParent();
        if (folder == null) {
            return;
        }
        writes.work()
                .run(
                        "retro-open-folder",
                        () -> {
                            actions.openFolder(folder);
                            return folder;
                        },
                        f -> {},
                        err -> writes.errors().accept("Could not open " + folder, err));
    }

    /** How long the report has been written, for the progress line: "12 s". */
    public String elapsed() {
        Instant s = since.get();
        return s == null ? "" : Duration.between(s, clock.instant()).toSeconds() + " s";
    }

    /** True while a report is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The file the last report went to; null before one was written, or while the next one is. */
    public ReadOnlyObjectProperty<@Nullable Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
