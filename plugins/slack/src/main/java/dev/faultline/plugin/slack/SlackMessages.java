package dev.faultline.plugin.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Block Kit messages, short enough to read on a phone: a header, a few lines, two-column fields,
 * and grey context. User text is escaped ({@code &}, {@code <}, {@code >}) and cut to Slack's limits.
 */
final class SlackMessages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private SlackMessages() {}

    /** Where the day stands, for the parent message that is updated as it goes. */
    record Status(String phase, int held, int deviated, int halted, int aborted, String finalLine) {}

    static SlackMessage starting(String id, GameDay d, List<Experiment> experiments) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("🎯 GameDay starting: " + d.title(), 150), true))));
        if (!d.objectives().isEmpty()) {
            b.add(section(s -> s.text(markdownText(cut(
                    "*Objectives*\n"
                            + d.objectives().stream().map(o -> "• " + esc(o)).collect(Collectors.joining("\n")),
                    3000)))));
        }
        b.add(section(s -> s.fields(List.of(
                field("*When*\n" + when(d.scheduledStart(), d.zone())),
                field("*Environment*\n" + esc(d.environment())),
                field("*Experiments*\n"
                        + cut(
                                experiments.stream()
                                        .map(e -> "• " + esc(e.title()))
                                        .collect(Collectors.joining("\n")),
                                1900)),
                field("*Participants*\n"
                        + cut(
                                d.participants().stream()
                                        .map(p -> p.mention() + " " + p.role().label())
                                        .collect(Collectors.joining("\n")),
                                1900))))));
        b.add(context(c ->
                c.elements(List.of(markdownText("GameDay run `" + id + "` · halt everything: `faultline halt`")))));
        return new SlackMessage("GameDay starting: " + d.title(), b, false);
    }

    /**
     * The parent message of a schedule's run ({@code faultline scheduler}): like any run of its own, its
     * details in its thread, nobody mentioned (a GameDay's participants are the day's, not the schedule's).
     */
    static SlackMessage scheduledRunStarting(String runId, String experiment, String environment, String schedule) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("⏰ Scheduled experiment starting: " + experiment, 150), true))));
        b.add(section(x -> x.fields(List.of(
                field("*Schedule*\n" + esc(schedule)),
                field("*Environment*\n" + esc(environment)),
                field("*Run*\n`" + esc(runId) + "`")))));
        b.add(context(c -> c.elements(List.of(markdownText(
                "started by `faultline scheduler` · details in the thread" + " · pause it: `faultline schedule pause "
                        + esc(schedule) + "` · halt everything: `faultline halt`")))));
        return new SlackMessage(
                "Scheduled experiment starting: " + experiment + " in " + environment + " (schedule " + schedule + ")",
                b,
                false);
    }

    /** The parent message of a run outside a GameDay ({@code faultline run --notify}): its details go in its thread. */
    static SlackMessage runStarting(String runId, String experiment, String environment) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("🧪 Experiment starting: " + experiment, 150), true))));
        b.add(section(x ->
                x.fields(List.of(field("*Environment*\n" + esc(environment)), field("*Run*\n`" + esc(runId) + "`")))));
        b.add(context(
                c -> c.elements(List.of(markdownText("details in the thread · halt everything: `faultline halt`")))));
        return new SlackMessage("Experiment starting: " + experiment + " in " + environment, b, false);
    }

    static SlackMessage status(String id, GameDay d, Status s) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("GameDay: " + d.title(), 150), true))));
        b.add(section(x -> x.text(markdownText(cut("*Now*: " + s.phase(), 3000)))));
        b.add(section(x -> x.text(markdownText("*So far*: ✅ " + s.held() + " held · ⚠️ " + s.deviated()
                + " deviated · 🛑 " + s.halted() + " halted · ⛔ " + s.aborted() + " aborted"))));
        if (!s.finalLine().isEmpty()) {
            b.add(section(x -> x.text(markdownText(cut(s.finalLine(), 3000)))));
        }
        b.add(context(c -> c.elements(List.of(markdownText("GameDay run `" + id + "` · details in the thread")))));
        return new SlackMessage("GameDay " + d.title() + ": " + plain(s.phase()), b, false);
    }

    static SlackMessage experimentStarting(int index, int total, Experiment e) {
        List<LayoutBlock> b = List.of(section(s -> s.text(markdownText(cut(
                "▶️ *Experiment " + (index + 1) + "/" + total
                        + ": " + esc(e.title()) + "*\n_"
                        + esc(
                                e.hypothesis().title().isEmpty()
                                        ? "steady state: "
                                                + e.hypothesis().probes().stream()
                                                        .map(p -> p.name() + " "
                                                                + p.expect().describe())
                                                        .collect(Collectors.joining(", "))
                                        : e.hypothesis().title())
                        + "_",
                3000)))));
        return new SlackMessage("Experiment " + (index + 1) + "/" + total + ": " + e.title(), b, false);
    }

    static SlackMessage beforeFault(
            String step, String fault, String target, @Nullable Experiment e, List<Participant> toCall) {
        Duration length = null;
        BlastRadius br = e == null ? null : e.blastRadius();
        if (e != null) {
            for (MethodStep s : e.method()) {
                if (s.name().equals(step)) {
                    length = s.plannedLength();
                }
            }
        }
        String howLong = length == null ? "until reverted" : Durations.format(length);
        String radius = br == null
                ? "—"
                : "up to " + (br.maxTargets() == Integer.MAX_VALUE ? "any number of" : br.maxTargets()) + " target(s), "
                        + Math.round(br.maxShare() * 100) + "% share, at most " + Durations.format(br.maxDuration());
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("⚡ Fault going in: " + step, 150), true))));
        b.add(section(s -> s.fields(List.of(
                field("*What*\n" + esc(fault)),
                field("*Where*\n" + esc(target)),
                field("*For how long*\n" + howLong),
                field("*Blast radius*\n" + radius)))));
        String nobodyNamed =
                e == null ? "whoever started the run" : "the GameDay leader"; // no experiment: a run of its own
        b.add(section(s -> s.text(markdownText("*Who to call*: "
                + (toCall.isEmpty()
                        ? nobodyNamed
                        : toCall.stream()
                                .map(p -> p.mention() + " (" + p.role().label() + ")")
                                .collect(Collectors.joining(", ")))
                + "\nStop it all: `faultline halt --reason \"…\"` or *HALT ALL* (Ctrl+Shift+K) in the app"))));
        return new SlackMessage(
                "Fault going in: " + fault + " on " + target + (length == null ? " until reverted" : " for " + howLong),
                b,
                false);
    }

    /** A stop condition breached or the kill switch pressed: loud, broadcast to the channel, people mentioned. */
    static SlackMessage loud(String title, String detail, List<Participant> toTell) {
        String who = toTell.stream().map(Participant::mention).collect(Collectors.joining(" "));
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("🚨 " + title, 150), true))));
        b.add(section(s -> s.text(markdownText(
                cut("<!here> " + who + "\n*" + esc(detail) + "*\nEvery fault is being" + " rolled back.", 3000)))));
        return new SlackMessage("🚨 " + title + ": " + detail, b, true);
    }

    static SlackMessage result(RunResult r) {
        String icon = icon(r.outcome());
        List<LayoutBlock> b = new ArrayList<>();
        b.add(section(s -> s.text(markdownText(
                cut(icon + " *" + r.outcome() + "*: " + esc(r.experiment()) + "\n" + esc(r.reason()), 3000)))));
        List<TextObject> fields = new ArrayList<>();
        for (ProbeResult p : r.probes()) {
            if (fields.size() == 10) {
                break;
            }
            fields.add(field(cut(
                    "*" + esc(p.probe()) + "* " + (p.held() ? "held" : "*did not hold*") + "\nbefore "
                            + num(p.baseline().mean()) + " → during "
                            + num(p.during().mean()) + " → after "
                            + num(p.after().mean()),
                    1900)));
        }
        if (!fields.isEmpty()) {
            b.add(section(s -> s.fields(fields)));
        }
        for (RolloutResult o : r.rollouts()) {
            b.add(section(s -> s.text(markdownText(cut(rollout(o), 3000)))));
        }
        b.add(context(c -> c.elements(List.of(markdownText("run `" + r.runId() + "` · "
                + Durations.format(Duration.ofSeconds(r.duration().toSeconds())) + " · impact " + r.impact())))));
        return new SlackMessage(r.outcome() + ": " + r.experiment() + " (" + r.reason() + ")", b, false);
    }

    static SlackMessage finished(GameDay d, String outcome, String reason, List<RunResult> results, String reportFile) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText(cut("🏁 GameDay finished: " + d.title(), 150), true))));
        b.add(section(s -> s.text(markdownText(cut(
                "*" + outcome + "*: " + esc(reason) + "\n"
                        + results.stream()
                                .map(r -> icon(r.outcome()) + " " + esc(r.experiment()) + ": " + r.outcome()
                                        + r.rollouts().stream()
                                                .map(o -> "\n    ↳ " + esc(o.headline()))
                                                .collect(Collectors.joining()))
                                .collect(Collectors.joining("\n")),
                3000)))));
        b.add(divider());
        b.add(section(s -> s.text(markdownText(
                reportFile.isEmpty()
                        ? "Report: `faultline report <GameDay run> --format pdf`"
                        : "Report: `" + esc(reportFile) + "`"))));
        return new SlackMessage("GameDay finished: " + d.title() + " (" + outcome + ")", b, false);
    }

    /**
     * A rollout in a few lines: how far it was safe, then each stage reached, "5% held · 25% held ·
     * 90% did not hold".
     */
    static String rollout(RolloutResult o) {
        String stages = o.stages().stream()
                .map(s -> s.label() + " "
                        + switch (s.verdict()) {
                            case HELD -> "held";
                            case DID_NOT_HOLD -> "*did not hold*";
                            case CUT_SHORT -> "_cut short_";
                        })
                .collect(Collectors.joining(" · "));
        int left = o.stagesPlanned() - o.stages().size();
        return "📶 *Rollout of " + esc(o.step()) + "*: " + esc(o.headline()) + "\n" + stages
                + (left > 0 ? " · " + left + " not reached" : "");
    }

    static SlackMessage test(String host) {
        List<LayoutBlock> b = List.of(section(s -> s.text(markdownText(
                "✅ *Faultline test message*\nSent from " + esc(host) + ". GameDay messages will arrive here."))));
        return new SlackMessage("Faultline test message from " + host, b, false);
    }

    static String icon(RunOutcome o) {
        return switch (o) {
            case HELD -> "✅";
            case DEVIATED -> "⚠️";
            case HALTED -> "🛑";
            case ABORTED -> "⛔";
            case FAILED -> "💥";
        };
    }

    private static TextObject field(String mrkdwn) {
        return markdownText(cut(mrkdwn, 2000));
    }

    private static String when(Instant at, ZoneId zone) {
        String fallback = WHEN.format(at.atZone(zone)) + " " + zone.getId();
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + fallback + ">\n(" + fallback + ")";
    }

    private static String num(double v) {
        return Double.isNaN(v)
                ? "—"
                : Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Slack's mrkdwn escaping of user text: &amp;, &lt;, &gt; and only those. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String plain(String mrkdwn) {
        return mrkdwn.replace("*", "").replace("_", "");
    }

    /** Cuts to {@code max} characters, never inside a surrogate pair (emoji stay whole). */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
