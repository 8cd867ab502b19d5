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
    private static final int PAGE = 4096;

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
        return journal.recordIntent("r1", step, settings, new FaultHandle("local", "t-" + step, "latency on " + step,
                Params.of("proxy", step)));
    }

    /** Pads the journal with a line it ignores so that it ends {@code room} bytes before a page boundary. */
    private void endBeforePageBoundary(int room) throws Exception {
        long size = Files.size(file);
        String head = "{\"op\":\"note\",\"id\":\"pad\",\"detail\":\"";
        String tail = "\"}\n";
        long target = ((size + head.length() + tail.length()) / PAGE + 1) * PAGE - room;
        String pad = head + "x".repeat((int) (target - size - head.length() - tail.length())) + tail;
        Files.writeString(file, pad, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Files.size(file) % PAGE).isEqualTo(PAGE - room);
    }

    @Test
    void aLineTornByAFullDiskNeitherHidesNorSwallowsTheNextRecord() throws Exception {
        JournalEntry a = intent("a");
        JournalEntry b = intent("b");
        endBeforePageBoundary(20);
        disk.fill();

        // Only the first 20 bytes of this line fit in the page the journal already has.
        assertThatThrownBy(() -> journal.markReverted(a.id(), "gone"))
                .hasMessageContaining("no space left on the device");
        disk.free();
        journal.markReverted(b.id(), "gone");

        assertThat(journal.openFaults()).extracting(JournalEntry::id).containsExactly(a.id());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("\n");
    }

    @Test
    void aTornLineLeftByAnotherWriterIsEndedBeforeTheNextRecord() throws Exception {
        JournalEntry a = intent("a");
        // What a process that died mid-write (or an old Faultline on a full disk) leaves: no newline at the end.
        Files.writeString(file, "{\"op\":\"reverted\",\"id\":\"" + a.id() + "\",\"at\":\"20", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        JournalEntry b = intent("b");

        assertThat(journal.openFaults()).extracting(JournalEntry::id).containsExactly(a.id(), b.id());
    }
}
