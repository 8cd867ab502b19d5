package dev.faultline.app.view.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file lifecycle without a window: real files in a temporary home, a fixed clock. */
class DocumentSessionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T14:02:31Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path home;
    private Path shipped;
    private final Prefs prefs = new Prefs();
    private final List<String> ioErrors = new ArrayList<>();
    private DocumentSession session;

    /** The preferences, in memory: what AppPreferences keeps in app.properties. */
    static final class Prefs implements DocumentPreferences {
        List<String> recent = List.of();

        @Nullable
        String last;

        @Override
        public List<String> recentFiles() {
            return recent;
        }

        @Override
        public void setRecentFiles(List<String> files) {
            recent = List.copyOf(files);
        }

        @Override
        public @Nullable String lastFolder() {
            return last;
        }

        @Override
        public void setLastFolder(String folder) {
            last = folder;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        shipped = Files.createDirectories(tmp.resolve("install/runbooks/sandbox"));
        Files.writeString(shipped.resolve("latency.yaml"), "shipped: true\n");
        session = session();
    }

    private DocumentSession session() {
        return new DocumentSession(
                DocumentKind.EXPERIMENT,
                DocumentFolders.of(home, tmp.resolve("install/runbooks")),
                prefs,
                new Autosave(home.resolve("autosave"), CLOCK),
                Runnable::run,
                ioErrors::add);
    }

    @Test
    void anEditMarksTheDocumentUnsavedAndUndoingItClearsTheMark() {
        Path f = tmp.resolve("mine.yaml");
        session.opened(f, "a: 1\n");
        assertThat(session.unsaved()).isFalse();
        assertThat(session.document().title()).isEqualTo("mine.yaml");

        session.edited("a: 2\n");
        assertThat(session.unsaved()).isTrue();
        assertThat(session.document().title()).isEqualTo("mine.yaml •");

        session.edited("a: 1\n");
        assertThat(session.unsaved()).isFalse();
    }

    @Test
    void saveGoesInPlaceForTheUsersFileAndSaveAsAlwaysAsksStartingInTheLastFolder() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine")).resolve("a.yaml");
        session.opened(mine, "a: 1\n");
        assertThat(session.saveTarget()).isEqualTo(new SaveTarget.InPlace(mine));
        assertThat(session.saveAsTarget().folder()).isEqualTo(mine.getParent().toAbsolutePath());

        Path copy = mine.resolveSibling("b.yaml");
        session.edited("a: 2\n");
        session.saved(copy, "a: 2\n");
        assertThat(session.document().file()).isEqualTo(copy);
        assertThat(session.unsaved()).isFalse();
        assertThat(session.recent().files()).containsExactly(copy.toAbsolutePath(), mine.toAbsolutePath());
    }

    @Test
    void aShippedRunbookOpensReadOnlyAndIsSavedAsACopyInTheUsersFolderNeverOverIt() {
        Path f = shipped.resolve("latency.yaml");
        session.opened(f, "shipped: true\n");
        assertThat(session.document().readOnly()).isTrue();
        assertThat(session.banner()).hasValueSatisfying(b -> assertThat(b).startsWith("Read-only: latency.yaml"));

        SaveTarget t = session.saveTarget();

        assertThat(t).isInstanceOfSatisfying(SaveTarget.Ask.class, a -> {
            assertThat(a.folder()).isEqualTo(home.resolve("runbooks").toAbsolutePath());
            assertThat(a.folder()).isDirectory();
            assertThat(a.name()).isEqualTo("latency.yaml");
            assertThat(a.why()).contains("never overwritten");
        });
        assertThatThrownBy(() -> session.saved(f, "changed\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "save a copy in " + home.resolve("runbooks").toAbsolutePath());
        assertThat(session.document().readOnly()).isTrue();
    }

    @Test
    void fileDialogsNeverStartInTheInstallationFolder() {
        prefs.setLastFolder(shipped.toString());
        assertThat(session.openFolder()).isEqualTo(home.resolve("runbooks").toAbsolutePath());
        session.startedUntitled("untitled-latency.yaml", "x: 1\n");
        assertThat(session.saveTarget())
                .isEqualTo(new SaveTarget.Ask(home.resolve("runbooks").toAbsolutePath(), "untitled-latency.yaml", ""));
    }

    @Test
    void unsavedWorkIsAutosavedOfferedBackByANewSessionAndRemovedOnceSaved() throws Exception {
        Path f = Files.writeString(tmp.resolve("mine.yaml"), "a: 1\n");
        session.opened(f, "a: 1\n");
        session.edited("a: 2\n");
        session.autosave("a: 2\n");

        DocumentSession next = session(); // a new window after a crash: only the files are left
        Recovery r = next.leftOver().orElseThrow();
        assertThat(r.question(ZoneId.of("UTC"))).isEqualTo("Recover unsaved experiment from 14:02?");
        assertThat(r.text()).isEqualTo("a: 2\n");
        assertThat(r.original()).isEqualTo(f.toAbsolutePath());

        next.recovered(r, Files.readString(f));
        assertThat(next.unsaved()).isTrue();
        assertThat(next.document().file()).isEqualTo(f.toAbsolutePath());
        assertThat(next.saveTarget()).isEqualTo(new SaveTarget.InPlace(f.toAbsolutePath()));

        next.saved(f, "a: 2\n");
        assertThat(next.leftOver()).isEmpty();
        assertThat(home.resolve("autosave")).isEmptyDirectory();
        assertThat(ioErrors).isEmpty();
    }

    @Test
    void discardingRemovesTheAutosaveAndASavedDocumentIsNotAutosaved() throws Exception {
        session.opened(tmp.resolve("mine.yaml"), "a: 1\n");
        session.autosave("a: 1\n");
        assertThat(session.leftOver()).isEmpty();
        session.edited("a: 2\n");
        session.autosave("a: 2\n");
        assertThat(session.leftOver()).isPresent();

        session.discarded();

        assertThat(session.leftOver()).isEmpty();
        assertThat(session.unsaved()).isFalse();
    }

    @Test
    void recentFilesAreFewNewestFirstAndMissingOnesAreDropped() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < RecentFiles.MAX + 2; i++) {
            Path f = Files.writeString(tmp.resolve("r" + i + ".yaml"), "x");
            files.add(f);
            session.opened(f, "x");
        }
        session.opened(files.get(3), "x");
        assertThat(session.recent().files()).hasSize(RecentFiles.MAX).first().isEqualTo(files.get(3));
        Files.delete(files.get(9));

        assertThat(session.recent().dropMissing()).containsExactly(files.get(9));
        assertThat(session.recent().files()).hasSize(RecentFiles.MAX - 1).doesNotContain(files.get(9));
    }
}
