package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a runner keeps its run's start and events in while the shared store is away: one line
 * each, in order, only the writes that have a disk form; bounded (past the bound nothing more is
 * written, and what is there stays whole); gone once the store has everything.
 */
class KeptWritesFileTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keepsTheWritesInOrderOneLineEachAndStopsWholeAtItsBound() throws Exception {
        KeptWritesFile file = new KeptWritesFile(dir, 1_000);
        file.append(List.<UnsentWrites.Write>of(
                KeptWrite.start(
                        "r1", "payment-pause", "Payment pause", "kind: Experiment\n", "a".repeat(64), "sandbox", T0),
                s -> {}, // a write with no disk form (the heartbeat's start) is not kept on disk
                KeptWrite.event("r1", 1, T0, "run-started", "run started")));
        for (int i = 2; i <= 40; i++) {
            file.append(List.of(KeptWrite.event("r1", i, T0.plusSeconds(i), "phase", "phase INJECT " + i)));
        }
        file.force();

        List<String> lines = Files.readAllLines(file.path());
        assertThat(Files.size(file.path())).isLessThanOrEqualTo(1_000);
        assertThat(lines).hasSizeGreaterThan(3);
        assertThat(KeptWrite.parse(lines.get(0)).line().path("kind").asString()).isEqualTo("start");
        assertThat(lines.subList(1, lines.size()))
                .extracting(l -> KeptWrite.parse(l).line().path("seq").asLong())
                .as("the events in order, none cut in half")
                .isSorted()
                .startsWith(1L, 2L);
        long full = Files.size(file.path());
        file.append(List.of(KeptWrite.event("r1", 99, T0, "phase", "x")));
        assertThat(Files.size(file.path())).as("nothing more past the bound").isEqualTo(full);

        file.clear();
        assertThat(file.path()).doesNotExist();
        file.append(List.of(KeptWrite.event("r1", 100, T0, "phase", "after the store came back and went again")));
        assertThat(Files.readAllLines(file.path())).hasSize(1);
    }

    @Test
    void aLineCutShortIsNotAWrite() {
        String line = KeptWrite.event("r1", 1, T0, "run-started", "run started").toLine();
        assertThat(KeptWrite.parse(line).runId()).isEqualTo("r1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeptWrite.parse(line.substring(0, line.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
