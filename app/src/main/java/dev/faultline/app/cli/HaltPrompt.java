package dev.faultline.app.cli;

import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.spi.run.AfterHalt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * How {@code faultline gameday run} goes on after a halted experiment ({@code --on-halt}): the day
 * pauses and asks on the terminal (release the kill switch here with a reason, then resume, repeat or
 * end), waits for the release made elsewhere and resumes, ends the day, or goes on as before (the
 * kill switch ends the day, a stop condition does not).
 */
final class HaltPrompt implements HaltPolicy {
    /** How often a day waiting for the kill switch's release made elsewhere looks again. */
    private static final Duration RELEASE_POLL = Duration.ofMillis(500);

    /** The values of {@code --on-halt}. */
    enum Mode {
        /** Ask when the command runs on a terminal, else {@link #KILL_SWITCH_ENDS}. */
        AUTO,
        /** Pause and ask on standard input (also when it is not a terminal). */
        ASK,
        /** Wait for the kill switch's release ({@code faultline release}), then go on with the next experiment. */
        RESUME,
        /** Every halt ends the day. */
        END,
        /** As before: the kill switch ends the day, an experiment's stop condition does not. */
        KILL_SWITCH_ENDS;

        static Mode parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Mode mode;
    private final KillSwitch killSwitch;
    private final BufferedReader in;
    private final PrintWriter out;
    private final java.util.concurrent.BlockingQueue<java.util.Optional<String>> lines =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private @org.jspecify.annotations.Nullable Thread reader;

    HaltPrompt(Mode mode, KillSwitch killSwitch, BufferedReader in, PrintWriter out) {
        this.mode = mode;
        this.killSwitch = killSwitch;
        this.in = in;
        this.out = out;
    }

    /** {@link Mode#AUTO} made concrete: asking needs a terminal. */
    static Mode effective(Mode mode) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        java.io.Console c = System.console();
        return c != null && c.isTerminal() ? Mode.ASK : Mode.KILL_SWITCH_ENDS;
    }

    @Override
    public AfterHalt decide(Halt halt) throws InterruptedException {
        return switch (effective(mode)) {
            case ASK -> ask(halt);
            case RESUME -> {
                awaitRelease();
                yield AfterHalt.RESUME;
            }
            case END -> AfterHalt.END;
            case KILL_SWITCH_ENDS, AUTO -> HaltPolicy.AS_BEFORE.decide(halt);
        };
    }

    /** Who ends the day when this policy does: the person asked, or the {@code --on-halt} rule. */
    @Override
    public String decider() {
        return switch (effective(mode)) {
            case ASK -> "the leader";
            case RESUME -> "--on-halt resume";
            case END -> "--on-halt end";
            case KILL_SWITCH_ENDS, AUTO -> HaltPolicy.AS_BEFORE.decider();
        };
    }

    private void awaitRelease() throws InterruptedException {
        if (killSwitch.isEngaged()) {
            out.println("== the day is paused until the kill switch is released: faultline release --reason \"...\"");
        }
        while (killSwitch.isEngaged()) {
            Thread.sleep(RELEASE_POLL); // ends with the release, or Ctrl-C (which interrupts)
        }
    }

    private AfterHalt ask(Halt halt) throws InterruptedException {
        out.println("== paused: experiment " + (halt.index() + 1) + "/" + halt.total() + " "
                + halt.experiment().name() + " was halted: " + halt.why());
        try {
            while (killSwitch.isEngaged()) {
                out.println("   the kill switch is engaged. Why is it safe to go on? (a reason releases it; 'end' ends"
                        + " the day)");
                out.print("   reason: ");
                out.flush();
                String reason = line();
                if (reason == null || reason.equalsIgnoreCase("end")) {
                    return AfterHalt.END;
                }
                if (!reason.isBlank()) {
                    killSwitch.release(reason);
                    out.println("   kill switch released: " + reason);
                }
            }
            String next =
                    halt.isLast() ? "" : "[r]esume with experiment " + (halt.index() + 2) + " " + halt.next() + ", ";
            while (true) {
                out.print("   " + next + "re[p]eat " + halt.experiment().name() + ", or [e]nd the day? ");
                out.flush();
                String answer = line();
                if (answer == null) {
                    return AfterHalt.END;
                }
                switch (answer.toLowerCase(Locale.ROOT)) {
                    case "r", "resume" -> {
                        if (!halt.isLast()) {
                            return AfterHalt.RESUME;
                        }
                    }
                    case "p", "repeat" -> {
                        return AfterHalt.REPEAT;
                    }
                    case "e", "end" -> {
                        return AfterHalt.END;
                    }
                    default -> {}
                }
                out.println("   answer " + (halt.isLast() ? "" : "r, ") + "p or e");
            }
        } catch (IOException e) {
            out.println("   cannot read the answer (" + e.getMessage() + "): the day ends");
            return AfterHalt.END;
        }
    }

    /**
     * A line of input, stripped; null at its end. Read on a daemon thread of its own, so that Ctrl-C
     * (which interrupts the day's thread) is not held up by a read that blocks.
     */
    private @org.jspecify.annotations.Nullable String line() throws IOException, InterruptedException {
        synchronized (lines) {
            if (reader == null) {
                Thread t = new Thread(this::readAll, "faultline-halt-prompt");
                t.setDaemon(true);
                t.start();
                reader = t;
            }
        }
        java.util.Optional<String> s = lines.take();
        return s.map(String::strip).orElse(null);
    }

    private void readAll() {
        try {
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                lines.add(java.util.Optional.of(s));
            }
        } catch (IOException e) {
            out.println("   cannot read the answer (" + e.getMessage() + ")");
        }
        lines.add(java.util.Optional.empty());
    }
}
