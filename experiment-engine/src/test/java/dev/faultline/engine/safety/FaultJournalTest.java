package dev.faultline.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultJournalTest {
    @TempDir
    Path dir;

    private final BackendSettings settings = new BackendSettings("local", Params.of("proxyApi", "http://127.0.0.1:1"));
    private final FaultHandle handle = new FaultHandle(
            "local",
            "faultline_r1_slow",
            "latency 300ms on proxy/payments",
            Params.of("proxy", "payments", "toxic", "faultline_r1_slow"));

    static ProcessOwner deadOwner() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new ProcessOwner(p.pid(), p.info().startInstant().orElse(Instant.EPOCH));
    }

    private FaultJournal journal(ProcessOwner owner) {
        return new FaultJournal(dir.resolve("faults.jsonl"), owner, Clock.systemUTC());
    }

    @Test
    void intentIsOpenUntilMarkedReverted() {
        FaultJournal j = journal(ProcessOwner.current());
        JournalEntry e = j.recordIntent("r1", "slow", settings, handle);
        assertThat(j.openFaults()).singleElement().satisfies(x -> {
            assertThat(x.state()).isEqualTo(JournalEntry.State.INTENDED);
            assertThat(x.handle()).isEqualTo(handle);
            assertThat(x.settings()).isEqualTo(settings);
        });
        j.markInjected(e.id());
        assertThat(j.openFaults())
                .singleElement()
                .extracting(JournalEntry::state)
                .isEqualTo(JournalEntry.State.INJECTED);
        j.markReverted(e.id(), "gone");
        assertThat(j.openFaults()).isEmpty();
    }

    @Test
    void faultsOfADeadProcessAreOrphansAndOwnFaultsAreNot() throws Exception {
        journal(deadOwner()).recordIntent("r-dead", "slow", settings, handle);
        FaultJournal mine = journal(ProcessOwner.current());
        mine.recordIntent("r-live", "slow", settings, handle);

        assertThat(mine.openFaults()).hasSize(2);
        assertThat(mine.orphans())
                .singleElement()
                .extracting(JournalEntry::runId)
                .isEqualTo("r-dead");
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestIsKept() throws Exception {
        FaultJournal j = journal(ProcessOwner.current());
        j.recordIntent("r1", "slow", settings, handle);
        Files.writeString(
                dir.resolve("faults.jsonl"),
                "{\"op\":\"intent\",\"id\":\"x\",\"at\":\"20",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(j.openFaults())
                .singleElement()
                .extracting(JournalEntry::runId)
                .isEqualTo("r1");
    }

    @Test
    void compactionEmptiesTheFileOnlyWhenNothingIsOpen() throws Exception {
        FaultJournal j = journal(ProcessOwner.current());
        JournalEntry e = j.recordIntent("r1", "slow", settings, handle);
        assertThat(j.compactIfIdle()).isFalse();
        j.markReverted(e.id(), "gone");
        assertThat(j.compactIfIdle()).isTrue();
        assertThat(Files.size(dir.resolve("faults.jsonl"))).isZero();
    }

    @Test
    void aJournalWrittenByAnotherInstanceIsReadBack() {
        journal(ProcessOwner.current()).recordIntent("r1", "slow", settings, handle);
        assertThat(journal(ProcessOwner.current()).openFaults()).hasSize(1);
    }
}
