package dev.faultline.app.view.retro;

import static dev.faultline.app.view.retro.RetroFixture.INDIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.report.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrospective's report without a window: offered in the user's folder, written later on
 * another thread while the model says it is busy, then where it went; a report that cannot be
 * written says why.
 * On a real H2 database in a temporary folder ({@link RetroFixture}).
 */
class RetroReportTest {
    @TempDir
    Path home;

    @AutoClose
    private RetroFixture retro;

    @BeforeEach
    void aGameDayRan() throws Exception {
        retro = new RetroFixture(home);
    }

    /** Runs each job when told, as the app's background threads would, later. */
    static final class Later implements dev.faultline.app.view.common.Work {
        final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> void run(
                String name,
                java.util.concurrent.Callable<T> work,
                java.util.function.Consumer<T> onDone,
                java.util.function.Consumer<Throwable> onError) {
            jobs.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
        }

        void runAll() {
            for (int i = 0; i < 50 && !jobs.isEmpty(); i++) {
                jobs.remove(0).run();
            }
        }
    }

    @Test
    void theReportIsWrittenWhereAskedAndTheStatusSaysWhere() {
        RetroViewModel m = new RetroViewModel(
                new AppRetroActions(() -> retro.store, retro.clock, (id, format, to) -> {
                    throw new IllegalStateException("disk full writing " + to.getFileName());
                }),
                INDIA,
                retro.clock,
                new InPlace(),
                (what, e) -> retro.errors.add(what + ": " + e.getMessage()));
        m.refresh();

        m.report().export("pdf", home.resolve("payments-report.pdf"));

        assertThat(m.statusProperty().get())
                .isEqualTo("the report could not be written: disk full writing payments-report.pdf");
        assertThat(retro.errors)
                .containsExactly("The report could not be written: disk full writing payments-report.pdf");
        assertThat(RetroReportExport.fileName(m.selectedProperty().get(), "pdf", INDIA))
                .isEqualTo("payments-2026-12-06-report.pdf");
    }

    @Test
    void theReportIsOfferedInTheUsersFolderAndWrittenLaterWhileTheModelSaysItIsBusyThenWhereItWent() throws Exception {
        Path documents = java.nio.file.Files.createDirectories(home.resolve("Documents"));
        Later later = new Later();
        RetroViewModel m = new RetroViewModel(
                new AppRetroActions(
                        () -> retro.store,
                        retro.clock,
                        (id, format, to) -> dev.faultline.app.cli.ReportFiles.write(
                                retro.store, retro.clock, id, format, to, INDIA),
                        documents),
                INDIA,
                retro.clock,
                later,
                (what, e) -> retro.errors.add(what + ": " + e.getMessage()));
        m.refresh();
        later.runAll();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "run-1", () -> {});
        later.runAll();

        Path proposed = m.report().proposed("md");
        assertThat(proposed).isEqualTo(documents.resolve("payments-2026-12-06-report.md"));
        Path to = home.resolve("shared/reports/payments.md");
        m.report().export("md", to);

        assertThat(m.report().busyProperty().get()).isTrue();
        assertThat(m.statusProperty().get()).isEqualTo("writing the MD report of Payments GameDay…");
        m.report().export("md", home.resolve("twice.md")); // ignored while one is written
        assertThat(later.jobs).hasSize(1);
        assertThat(to).doesNotExist();
        later.runAll();

        assertThat(m.report().busyProperty().get()).isFalse();
        assertThat(m.report().writtenProperty().get()).isEqualTo(to.toAbsolutePath());
        assertThat(m.statusProperty().get()).isEqualTo("report written to " + to.toAbsolutePath());
        assertThat(java.nio.file.Files.readString(to))
                .contains("16:30") // times in the user's zone
                .contains("Linked to: experiment payment-outage-halts");
        assertThat(m.report().proposed("pdf")).isEqualTo(to.getParent().resolve("payments-2026-12-06-report.pdf"));
        assertThat(retro.errors).isEmpty();
    }
}
