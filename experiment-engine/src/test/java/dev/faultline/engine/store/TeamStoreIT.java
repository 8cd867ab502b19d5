package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode in the store, two stores (two desktops' connections) on one PostgreSQL database: a
 * follower hears a run's events, samples (a late one of a slow probe too) and notes, and its end;
 * the shared kill switch is heard by a watcher, latched, and released with a reason.
 */
@ExtendWith(ThrowawayPostgres.class)
class TeamStoreIT {
    @TempDir
    Path dir;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aFollowerHearsEventsSamplesNotesAndTheEnd(TestDatabase db) throws Exception {
        try (FaultlineStore runner = FaultlineStore.openShared(db.settings(dir.resolve("pw")));
                FaultlineStore follower = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            followsOn(runner, follower);
        }
    }

    @Test
    void onTheLocalDatabaseAFollowerPolls() throws Exception {
        try (FaultlineStore runner = FaultlineStore.open(dir.resolve("h2"));
                FaultlineStore follower = FaultlineStore.open(dir.resolve("h2"))) {
            followsOn(runner, follower);
        }
    }

    private void followsOn(FaultlineStore runner, FaultlineStore follower) throws Exception {
        long exp = runner.saveExperiment("x", "X", "text", "e".repeat(64));
        runner.createRun(new RunRecord("r1", exp, "x", "sandbox", "RUNNING", t0, null, null));
        runner.appendEvent("r1", 1, t0, "phase", "phase BASELINE");
        LinkedBlockingQueue<RunFollower.Change> heard = new LinkedBlockingQueue<>();
        try (RunFollower f = RunFollower.follow(follower, "r1", heard::add)) {
            assertThat(next(heard))
                    .isEqualTo(new RunFollower.Event(new EventRecord("r1", 1, t0, "phase", "phase BASELINE")));
            runner.sampleWriter().add("r1", "p99", "INJECT", t0.plusSeconds(2), 120, null, true);
            assertThat(next(heard))
                    .isInstanceOfSatisfying(
                            RunFollower.Samples.class,
                            s -> assertThat(s.samples())
                                    .extracting(SampleRecord::probe, SampleRecord::at)
                                    .containsExactly(org.assertj.core.groups.Tuple.tuple("p99", t0.plusSeconds(2))));
            // a slow probe's sample, taken before the one already heard, written after it
            runner.sampleWriter().add("r1", "errors", "INJECT", t0.plusSeconds(1), 0.5, null, true);
            assertThat(next(heard))
                    .isInstanceOfSatisfying(
                            RunFollower.Samples.class,
                            s -> assertThat(s.samples())
                                    .extracting(SampleRecord::probe)
                                    .containsExactly("errors"));
            runner.retro().addObservation("r1", t0.plusSeconds(3), "Zoë", "errors climb");
            assertThat(next(heard)).isInstanceOfSatisfying(RunFollower.Note.class, n -> {
                assertThat(n.note().author()).isEqualTo("Zoë");
                assertThat(n.note().text()).isEqualTo("errors climb");
            });
            runner.appendEvent("r1", 2, t0.plusSeconds(4), "halt", "HALT");
            runner.finishRun("r1", "HALTED", t0.plusSeconds(5), "halted", "{}");
            assertThat(next(heard)).isInstanceOf(RunFollower.Event.class);
            assertThat(next(heard))
                    .isInstanceOfSatisfying(
                            RunFollower.Ended.class,
                            e -> assertThat(e.run().status()).isEqualTo("HALTED"));
            assertThat(f.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(heard).isEmpty();
        }
    }

    private static RunFollower.Change next(LinkedBlockingQueue<RunFollower.Change> heard) throws InterruptedException {
        RunFollower.Change c = heard.poll(10, TimeUnit.SECONDS);
        assertThat(c).as("a change heard within 10 s").isNotNull();
        return c;
    }

    @Test
    void aHaltPressedOnOneDesktopIsHeardLatchedAndReleasedWithAReason(TestDatabase db) throws Exception {
        try (FaultlineStore runner = FaultlineStore.openShared(db.settings(dir.resolve("pw")));
                FaultlineStore other = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            SharedKillSwitch.Watcher w = new SharedKillSwitch.Watcher() {
                @Override
                public void pressed(SharedKillSwitch.Press p) {
                    heard.add("pressed by " + p.by() + ": " + p.reason());
                }

                @Override
                public void released(String by, String reason) {
                    heard.add("released by " + by + ": " + reason);
                }
            };
            SharedKillSwitch onOther = new SharedKillSwitch(other);
            try (AutoCloseable watch = new SharedKillSwitch(runner).watch(w)) {
                onOther.press("Ana", "checkout is down", Instant.now());
                assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("pressed by Ana: checkout is down");
                assertThat(new SharedKillSwitch(runner).engaged())
                        .get()
                        .extracting(SharedKillSwitch.Press::by)
                        .isEqualTo("Ana");
                assertThat(onOther.release("Bo", "checkout is back", Instant.now()))
                        .isTrue();
                assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("released by Bo: checkout is back");
                assertThat(onOther.engaged()).isEmpty();
                onOther.press("Cy", "again", Instant.now());
                assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("pressed by Cy: again");
            }
            // a runner that starts while the switch is engaged is told at once
            List<String> late = new CopyOnWriteArrayList<>();
            LinkedBlockingQueue<String> lateHeard = new LinkedBlockingQueue<>();
            try (AutoCloseable watch = new SharedKillSwitch(runner).watch(new SharedKillSwitch.Watcher() {
                @Override
                public void pressed(SharedKillSwitch.Press p) {
                    lateHeard.add(p.by());
                }

                @Override
                public void released(String by, String reason) {
                    late.add(by);
                }
            })) {
                assertThat(lateHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("Cy");
            }
            assertThat(late).isEmpty();
        }
    }
}
