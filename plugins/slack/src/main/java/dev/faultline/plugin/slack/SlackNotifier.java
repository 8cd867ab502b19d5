package dev.faultline.plugin.slack;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a Slack channel what a GameDay does. With a bot token: one parent message per GameDay,
 * updated with the live status, and every detail in its thread (a run outside a GameDay gets a
 * parent message of its own). With a webhook: the key messages as
 * they come (no updates, no threads). Runs only on the notifier's own thread; a message that cannot
 * be delivered after the retries is handed to the undelivered sink, and the next one is tried.
 */
final class SlackNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final SlackTransport transport;
    private final Delivery delivery;
    private final Undelivered.Sink undelivered;
    private final Clock clock;
    private final String reportFile;

    private @Nullable GameDay day;
    private String schedule = "";
    private String dayRunId = "";
    private @Nullable String parentTs;
    private @Nullable Experiment current;
    private String progress = "";
    private final List<RunResult> results = new ArrayList<>();

    SlackNotifier(
            SlackTransport transport, Delivery delivery, Undelivered.Sink undelivered, Clock clock, String reportFile) {
        this.transport = transport;
        this.delivery = delivery;
        this.undelivered = undelivered;
        this.clock = clock;
        this.reportFile = reportFile;
    }

    /** The runs this notifier hears are a schedule's: their parent message says so, and names the schedule. */
    void scheduledBy(String scheduleName) {
        this.schedule = scheduleName;
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public void onGameDayEvent(GameDayEvent event) {
        if (event instanceof GameDayEvent.Started s) {
            day = s.gameDay();
            dayRunId = s.gameDayRunId();
            results.clear();
            progress = "starting, " + s.experiments().size() + " experiment(s)";
            parentTs = send(SlackMessages.starting(dayRunId, s.gameDay(), s.experiments()), null, "");
        } else if (event instanceof GameDayEvent.ExperimentStarted e) {
            current = e.experiment();
            progress = "experiment " + (e.index() + 1) + "/" + e.total() + ": *"
                    + SlackMessages.esc(e.experiment().title()) + "*";
            updateParent("");
            send(SlackMessages.experimentStarting(e.index(), e.total(), e.experiment()), parentTs, e.runId());
        } else if (event instanceof GameDayEvent.ExperimentSkipped e) {
            send(
                    new SlackMessage("Skipped: " + e.experiment().title() + " (" + e.reason() + ")", List.of(), false),
                    parentTs,
                    "");
        } else if (event instanceof GameDayEvent.ExperimentFinished e) {
            results.add(e.result());
            updateParent("");
        } else if (event instanceof GameDayEvent.Finished f) {
            progress = "finished: *" + f.outcome() + "*";
            String file = reportFile.replace("{id}", f.gameDayRunId());
            send(SlackMessages.finished(f.gameDay(), f.outcome().name(), f.reason(), f.results(), file), parentTs, "");
            updateParent(file.isEmpty() ? f.reason() : f.reason() + "\nReport: `" + SlackMessages.esc(file) + "`");
            day = null;
            parentTs = null;
            current = null;
        }
    }

    @Override
    public void onRunEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s && day == null && !s.dryRun()) {
            // A run of its own, outside a GameDay: a parent message of its own, details in its thread
            parentTs = send(
                    schedule.isEmpty()
                            ? SlackMessages.runStarting(s.runId(), s.experiment(), s.environment())
                            : SlackMessages.scheduledRunStarting(s.runId(), s.experiment(), s.environment(), schedule),
                    null,
                    s.runId());
        } else if (event instanceof RunEvent.PhaseChanged p && day != null) {
            if (current != null) {
                updateParent("", progress + " — " + p.to());
            }
        } else if (event instanceof RunEvent.FaultInjecting f) {
            send(SlackMessages.beforeFault(f.step(), f.fault(), f.target(), current, toCall()), thread(), f.runId());
        } else if (event instanceof RunEvent.StopConditionBreached b) {
            send(
                    SlackMessages.loud("Stop condition breached: " + b.condition(), b.detail(), toTell()),
                    thread(),
                    b.runId());
        } else if (event instanceof RunEvent.Halted h && h.reason().source() == HaltReason.Source.KILL_SWITCH) {
            send(SlackMessages.loud("Kill switch pressed", h.reason().detail(), toTell()), thread(), h.runId());
        } else if (event instanceof RunEvent.Halted h && h.reason().source() == HaltReason.Source.SIGNAL) {
            send(SlackMessages.loud("Run stopped", h.reason().detail(), toTell()), thread(), h.runId());
        } else if (event instanceof RunEvent.RunFinished f) {
            send(SlackMessages.result(f.result()), thread(), f.runId());
            if (day == null) {
                parentTs = null;
            }
        }
    }

    private @Nullable String thread() {
        return parentTs;
    }

    /** On call first, then the leader: whom to call before a fault. */
    private List<Participant> toCall() {
        if (day == null) {
            return List.of();
        }
        List<Participant> out = new ArrayList<>(day.withRole(Participant.Role.ON_CALL));
        out.addAll(day.withRole(Participant.Role.LEADER));
        return out;
    }

    /** Leader, operators and on call: whom a halt concerns. */
    private List<Participant> toTell() {
        if (day == null) {
            return List.of();
        }
        List<Participant> out = new ArrayList<>(day.withRole(Participant.Role.LEADER));
        out.addAll(day.withRole(Participant.Role.OPERATOR));
        out.addAll(day.withRole(Participant.Role.ON_CALL));
        return out;
    }

    private void updateParent(String finalLine) {
        updateParent(finalLine, progress);
    }

    private void updateParent(String finalLine, String phase) {
        GameDay d = day;
        String ts = parentTs;
        if (d == null || ts == null || !transport.canUpdate()) {
            return;
        }
        int held = count(RunOutcome.HELD);
        SlackMessage m = SlackMessages.status(
                dayRunId,
                d,
                new SlackMessages.Status(
                        phase,
                        held,
                        count(RunOutcome.DEVIATED),
                        count(RunOutcome.HALTED),
                        count(RunOutcome.ABORTED) + count(RunOutcome.FAILED),
                        finalLine));
        try {
            delivery.deliver("chat.update", () -> {
                transport.update(ts, m);
                return null;
            });
        } catch (SlackFailure f) {
            // a missed status update is replaced by the next one; only the last one is worth keeping
            log.warn("Slack: the GameDay's status message could not be updated: {}", f.getMessage());
            if (!finalLine.isEmpty()) {
                undelivered.keep(new Undelivered(id(), clock.instant(), dayRunId, "", m.text(), f.getMessage()));
            }
        }
    }

    private int count(RunOutcome o) {
        return (int) results.stream().filter(r -> r.outcome() == o).count();
    }

    /** Sends one message; returns its ts (null for a webhook or when it could not be sent). */
    private @Nullable String send(SlackMessage m, @Nullable String threadTs, String runId) {
        try {
            return delivery.deliver("post", () -> transport.post(m, threadTs));
        } catch (SlackFailure f) {
            log.warn(
                    "Slack: a message could not be delivered ({}); it is kept, see 'faultline notifications'",
                    f.getMessage());
            undelivered.keep(new Undelivered(id(), clock.instant(), dayRunId, runId, m.text(), f.getMessage()));
            return null;
        }
    }

    /** Sends one message now, for the "send test message" action; throws what went wrong. */
    String sendTest(SlackMessage m) throws SlackFailure {
        String ts = delivery.deliver("test message", () -> transport.post(m, null));
        return ts == null ? "" : ts;
    }

    @Override
    public void close() {
        transport.close();
    }
}
