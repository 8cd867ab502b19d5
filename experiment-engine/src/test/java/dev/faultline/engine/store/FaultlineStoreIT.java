package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultlineStoreIT {
    @TempDir
    Path dir;

    /** The store under test, opened again on every call (FaultlineStorePostgresIT: the same cases on PostgreSQL). */
    FaultlineStore open() throws StoreException {
        return FaultlineStore.open(dir.resolve("faultline"));
    }

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private String newRun(FaultlineStore store, String id) throws StoreException {
        long exp = store.saveExperiment(
                "payment-latency", "Slow payments", "apiVersion: faultline.dev/v1\n", "a".repeat(64));
        store.createRun(new RunRecord(id, exp, "payment-latency", "sandbox", "RUNNING", t0, null, null));
        return id;
    }

    @Test
    void runsEventsAndSamplesSurviveReopeningTheDatabase() throws Exception {
        try (FaultlineStore store = open()) {
            newRun(store, "r1");
            store.appendEvent("r1", 1, t0, "phase", "phase BASELINE");
            store.appendEvent("r1", 2, t0.plusSeconds(1), "halt", "HALT: stop condition … 注文");
            store.sampleWriter().add("r1", "p99", "BASELINE", t0, 120.5, null, true);
            store.sampleWriter().add("r1", "p99", "INJECT", t0.plusSeconds(1), Double.NaN, "no answer in time", false);
            store.finishRun("r1", "HALTED", t0.plusSeconds(5), "HALTED after 5s", "{\"outcome\":\"HALTED\"}");
            store.sampleWriter().flush();
        }
        try (FaultlineStore store = open()) {
            RunRecord r = store.findRun("r1").orElseThrow();
            assertThat(r.status()).isEqualTo("HALTED");
            assertThat(r.experimentName()).isEqualTo("payment-latency");
            assertThat(r.startedAt()).isEqualTo(t0);
            assertThat(r.endedAt()).isEqualTo(t0.plusSeconds(5));
            assertThat(store.events("r1"))
                    .extracting(EventRecord::text)
                    .containsExactly("phase BASELINE", "HALT: stop condition … 注文");
            List<SampleRecord> samples = store.samples("r1");
            assertThat(samples).hasSize(2);
            assertThat(samples.get(0).value()).isEqualTo(120.5);
            assertThat(samples.get(1).value()).isNaN();
            assertThat(samples.get(1).error()).isEqualTo("no answer in time");
            assertThat(store.resultJson("r1")).contains("{\"outcome\":\"HALTED\"}");
        }
    }

    @Test
    void theSameRunbookTextIsStoredOnce() throws Exception {
        try (FaultlineStore store = open()) {
            long a = store.saveExperiment("x", "X", "text", "b".repeat(64));
            long b = store.saveExperiment("x", "X", "text", "b".repeat(64));
            long c = store.saveExperiment("x", "X", "text 2", "c".repeat(64));
            assertThat(a).isEqualTo(b).isNotEqualTo(c);
        }
    }

    @Test
    void recentRunsComeNewestFirstAndRunningOnesAreFound() throws Exception {
        try (FaultlineStore store = open()) {
            long exp = store.saveExperiment("x", "X", "t", "d".repeat(64));
            store.createRun(new RunRecord("old", exp, "x", "sandbox", "RUNNING", t0.minusSeconds(60), null, null));
            store.createRun(new RunRecord("new", exp, "x", "sandbox", "RUNNING", t0, null, null));
            store.finishRun("old", "HELD", t0, "held", "{}");
            assertThat(store.recentRuns(10)).extracting(RunRecord::id).containsExactly("new", "old");
            assertThat(store.runsStillMarkedRunning()).extracting(RunRecord::id).containsExactly("new");
        }
    }

    @Test
    void twoStoresOnOneFileSeeEachOthersRuns() throws Exception {
        try (FaultlineStore app = open();
                FaultlineStore cli = open()) {
            newRun(cli, "from-cli");
            assertThat(app.findRun("from-cli")).isPresent();
        }
    }

    @Test
    void aFileThatIsNotAFaultlineDatabaseGivesAClearError() throws Exception {
        Files.writeString(dir.resolve("broken.mv.db"), "this is not a database");
        assertThatThrownBy(() -> FaultlineStore.open(dir.resolve("broken")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("broken.mv.db");
    }

    @Test
    void samplesAddedFromManyThreadsAreAllWritten() throws Exception {
        try (FaultlineStore store = open()) {
            newRun(store, "r1");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.execute(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        store.sampleWriter().add("r1", "p" + thread, "INJECT", t0.plusMillis(i), i, null, true);
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(store.samples("r1")).hasSize(10_000);
            assertThat(store.sampleWriter().dropped()).isZero();
        }
    }

    @Test
    void aRunsSeriesHoldEachProbesTimesAndValuesInTimeOrder() throws Exception {
        try (FaultlineStore store = open()) {
            newRun(store, "r1");
            newRun(store, "other");
            store.sampleWriter().add("r1", "p99", "BASELINE", t0.plusSeconds(2), 130, null, true);
            store.sampleWriter().add("r1", "errors", "BASELINE", t0.plusSeconds(1), 0.5, null, true);
            store.sampleWriter().add("r1", "p99", "BASELINE", t0.plusSeconds(1), 120, null, true);
            store.sampleWriter().add("r1", "p99", "INJECT", t0.plusSeconds(3), Double.NaN, "no answer", false);
            store.sampleWriter().add("other", "p99", "BASELINE", t0, 999, null, true);
            List<SampleSeries> series = store.series("r1");
            assertThat(series).extracting(SampleSeries::probe).containsExactly("errors", "p99");
            SampleSeries p99 = series.get(1);
            assertThat(p99.at())
                    .containsExactly(
                            t0.plusSeconds(1).toEpochMilli(),
                            t0.plusSeconds(2).toEpochMilli(),
                            t0.plusSeconds(3).toEpochMilli());
            assertThat(p99.values()[0]).isEqualTo(120);
            assertThat(p99.values()[1]).isEqualTo(130);
            assertThat(p99.values()[2]).isNaN();
            assertThat(series.get(0).values()).containsExactly(0.5);
        }
    }

    /**
     * A GameDay's runs read at once (half of them on a second connection): each run gets its own
     * series, as read alone, in the order the ids were given; a run without samples gets none.
     */
    @Test
    void severalRunsSeriesAreEachRunsOwnInTheOrderAsked() throws Exception {
        try (FaultlineStore store = open()) {
            List<String> ids = List.of("r3", "r1", "empty", "r2", "r5");
            for (String id : ids) {
                newRun(store, id);
            }
            for (int i = 1; i <= 5; i++) {
                for (int k = 0; k < 50; k++) {
                    store.sampleWriter().add("r" + i, "p99", "BASELINE", t0.plusSeconds(k), i * 100 + k, null, true);
                    store.sampleWriter().add("r" + i, "errors", "BASELINE", t0.plusSeconds(k), i, null, true);
                }
            }
            java.util.Map<String, List<SampleSeries>> read = store.series(ids);
            assertThat(read.keySet()).containsExactlyElementsOf(ids);
            assertThat(read.get("empty")).isEmpty();
            for (String id : List.of("r1", "r2", "r3", "r5")) {
                List<SampleSeries> alone = store.series(id);
                assertThat(read.get(id)).hasSize(2);
                for (int p = 0; p < 2; p++) {
                    assertThat(read.get(id).get(p).probe())
                            .isEqualTo(alone.get(p).probe());
                    assertThat(read.get(id).get(p).at())
                            .containsExactly(alone.get(p).at());
                    assertThat(read.get(id).get(p).values())
                            .containsExactly(alone.get(p).values());
                }
                assertThat(read.get(id).get(1).values()[49]).isEqualTo(Integer.parseInt(id.substring(1)) * 100 + 49);
            }
        }
    }

    /** The report's read walks the covering index in its order: no row look-ups in the table, no sort. */
    @Test
    void theSeriesQueryReadsTheCoveringIndexInItsOrder() throws Exception {
        try (FaultlineStore store = open();
                java.sql.PreparedStatement ps =
                        store.connection().prepareStatement("EXPLAIN " + FaultlineStore.SERIES_QUERY)) {
            ps.setString(1, "r1");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1))
                        .containsIgnoringCase("PROBE_SAMPLE_SERIES")
                        .containsIgnoringCase("index sorted");
            }
        }
    }
}
