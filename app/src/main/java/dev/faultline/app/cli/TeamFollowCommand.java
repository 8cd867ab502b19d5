package dev.faultline.app.cli;

import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.RunHeartbeat;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.SampleRecord;
import dev.faultline.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline team follow RUN}: a run of any desktop, printed live, and when its runner stops answering. */
@Command(
        name = "follow",
        description = "Print a run's events, samples and notes as they reach the shared store (at most a second"
                + " behind), until the run ends.")
final class TeamFollowCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @ParentCommand
    TeamCommand team;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see faultline runs)")
    String runId = "";

    @Option(
            names = "--for",
            description = "stop following after this long even if the run goes on (default: until it ends)",
            converter = DurationConverter.class)
    @Nullable
    Duration limit;

    @Override
    public Integer call() throws Exception {
        Optional<FaultlineStore> store = team.shared();
        if (store.isEmpty()) {
            return ExitCodes.COULD_NOT_RUN;
        }
        var out = team.root.out();
        ZoneId zone = ZoneId.systemDefault();
        out.println("following " + runId + " on " + store.get().describe() + " (Ctrl-C to stop)");
        out.flush();
        try (RunFollower f = RunFollower.follow(store.get(), runId, change -> {
            switch (change) {
                case RunFollower.Event(var e) ->
                    out.println(CLOCK.format(e.at().atZone(zone)) + "  " + e.type() + "  " + e.text());
                case RunFollower.Samples(var samples) -> out.println(samples(samples, zone));
                case RunFollower.Note(var n) ->
                    out.println(CLOCK.format(n.at().atZone(zone)) + "  note by " + n.author() + ": " + n.text());
                case RunFollower.Ended(var run) ->
                    out.println("run " + run.id() + " ended: " + run.status()
                            + (run.summary() == null ? "" : " (" + run.summary() + ")"));
            }
            out.flush();
        })) {
            watchRunner(f, store.get(), out);
            return ExitCodes.OK;
        }
    }

    /**
     * Waits for the run's end (or the --for limit), saying once when its runner stops answering
     * (no heartbeat for {@link RunHeartbeat#SILENCE}) with the faults its journal still holds, and
     * when it answers again.
     */
    private void watchRunner(RunFollower f, FaultlineStore store, java.io.PrintWriter out)
            throws InterruptedException, StoreException {
        Instant until = Instant.now().plus(limit == null ? Duration.ofDays(7) : limit);
        boolean silent = false;
        while (!f.awaitEnd(Duration.ofSeconds(1)) && Instant.now().isBefore(until)) {
            Optional<RunHeartbeat.Runner> r = RunHeartbeat.of(store, runId);
            if (r.isPresent() && r.get().silentFor().compareTo(RunnerLoss.AFTER) >= 0) {
                RunnerLoss.markIfLost(store, runId); // the run then ends for everyone: ABANDONED
            }
            if (r.isEmpty() || r.get().answering() == !silent) {
                continue;
            }
            silent = !r.get().answering();
            if (silent) {
                TeamRunners.describe(store, runId).forEach(out::println);
            } else {
                out.println("run " + runId + ": its runner on " + r.get().host() + " answers again");
            }
            out.flush();
        }
    }

    /** A batch of samples on one line: the newest value of each probe, its phase, and how many came. */
    private static String samples(java.util.List<SampleRecord> batch, ZoneId zone) {
        Map<String, SampleRecord> newest = new LinkedHashMap<>();
        Instant last = Instant.EPOCH;
        for (SampleRecord s : batch) {
            newest.put(s.probe(), s);
            last = s.at().isAfter(last) ? s.at() : last;
        }
        StringBuilder line = new StringBuilder(CLOCK.format(last.atZone(zone)) + "  samples(" + batch.size() + ")");
        for (SampleRecord s : newest.values()) {
            line.append("  ")
                    .append(s.probe())
                    .append('=')
                    .append(Double.isNaN(s.value()) ? "no value" : String.valueOf(s.value()))
                    .append(" [")
                    .append(s.phase())
                    .append(s.within() ? "" : ", OUTSIDE")
                    .append(']');
        }
        return line.toString();
    }
}
