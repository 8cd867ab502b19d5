package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Something injected into the system that must be reverted. One record per kind of the seed's
 * catalogue; a backend says which kinds it supports. A switch over faults has no default, so a new
 * kind breaks the build wherever it is not handled yet.
 */
public sealed interface Fault permits Fault.Latency, Fault.Down, Fault.ProcessPause, Fault.ProcessKill {

    /** The runbook name of this kind: {@code latency}, {@code down}, ... */
    String type();

    /** One line for people: "latency 300ms ± 50ms". */
    String describe();

    /** Added delay on a connection, with a random jitter of up to ± {@code jitter}. */
    record Latency(Duration latency, Duration jitter) implements Fault {
        public Latency {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            if (latency.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("latency and jitter cannot be negative");
            }
        }

        @Override
        public String type() {
            return "latency";
        }

        @Override
        public String describe() {
            return "latency " + Durations.format(latency)
                    + (jitter.isZero() ? "" : " ± " + Durations.format(jitter));
        }
    }

    /** The link is down: new connections are refused and open ones are closed. */
    record Down() implements Fault {
        @Override
        public String type() {
            return "down";
        }

        @Override
        public String describe() {
            return "link down";
        }
    }

    /** The process is frozen (SIGSTOP) and thawed (SIGCONT) on revert. */
    record ProcessPause() implements Fault {
        @Override
        public String type() {
            return "process-pause";
        }

        @Override
        public String describe() {
            return "process paused";
        }
    }

    /**
     * The process is killed with {@code signal} (KILL or TERM). Reverting it means the process is
     * back: started again by {@code restartCommand} when one is given, else by its own supervisor.
     */
    record ProcessKill(String signal, String restartCommand) implements Fault {
        public ProcessKill {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(restartCommand, "restartCommand");
            if (!signal.equals("KILL") && !signal.equals("TERM")) {
                throw new IllegalArgumentException("signal must be KILL or TERM, not " + signal);
            }
        }

        @Override
        public String type() {
            return "process-kill";
        }

        @Override
        public String describe() {
            return "process killed (SIG" + signal + ")";
        }
    }
}
