package dev.faultline.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.testkit.SmallTmpfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault journal on a file system that really fills up (a 256 KiB tmpfs): ENOSPC half-way through a line. */
class FaultJournalFullDiskIT {
    @TempDir
    Path tmp;

    private SmallTmpfs disk;
    private Path file;
    private FaultJournal journal;

    private final BackendSettings settings = new BackendSettings("local", Params.of("proxyApi", "http://127.0.0.1:1"));

    @BeforeEach
    void mount() throws Exception {
        disk = SmallTmpfs.mount(tmp.resolve("home"), "256k");
        file = disk.dir().resolve("journal/faults.jsonl");
        journal = new FaultJournal(file, ProcessOwner.current(), Clock.systemUTC());
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    private JournalEntry intent(String step) {
        return journal.recordIntent(
                "r1",
                step,
                settings,
                new FaultHandle("local", "t-" + step, "latency on " + step, Params.of("proxy", step)));
    }

    @Test
    void aLineTornByAFullDiskNeitherHidesNorSwallowsTheNextRecord() throws Exception {
        JournalEntry a = intent("a");
        JournalEntry b = intent("b");
        SmallTmpfs.endJournalBeforePageBoundary(file, 20);
        disk.fill();

        // Only the first 20 bytes of this line fit in the page the journal already has.
        assertThatThrownBy(() -> journal.markReverted(a.id(), "gone"))
                .hasMessageContaining("no space left on the device");
        FaultJournal anotherProcess = new FaultJournal(file, ProcessOwner.current(), Clock.systemUTC());
        assertThat(anotherProcess.openFaults()).extracting(JournalEntry::id).containsExactly(a.id(), b.id());
        assertThat(journal.openFaults()).extracting(JournalEntry::id).containsExactly(b.id());

        disk.free();
        journal.markReverted(b.id(), "gone");

        // The mark that found no room is written with the next one; neither is glued to a torn line.
        assertThat(anotherProcess.openFaults()).isEmpty();
        assertThat(journal.unwrittenMarks()).isZero();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
    }

    @Test
    void aTornLineLeftByAnotherWriterIsEndedBeforeTheNextRecord() throws Exception {
        JournalEntry a = intent("a");
        // What a process that died mid-write (or an old Faultline on a full disk) leaves: no newline at the end.
        Files.writeString(
                file,
                "{\"op\":\"reverted\",\"id\":\"" + a.id() + "\",\"at\":\"20",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        JournalEntry b = intent("b");

        assertThat(journal.openFaults()).extracting(JournalEntry::id).containsExactly(a.id(), b.id());
    }
}
