package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.util.List;
import java.util.Objects;

/** Faults on a local process: paused, killed, restarted. */
public sealed interface ProcessFault extends Fault
        permits ProcessFault.ProcessPause, ProcessFault.ProcessKill, ProcessFault.ProcessRestart {
    FaultKind<ProcessPause> PAUSE =
            FaultKind.of("process-pause", ProcessPause.class, in -> new ProcessPause(), new ProcessPause());
    FaultKind<ProcessKill> KILL = FaultKind.of(
            "process-kill",
            ProcessKill.class,
            in -> in.build("", () -> new ProcessKill(in.text("signal", "KILL"), in.text("restart", ""))),
            new ProcessKill("TERM", "systemctl start x"),
            FaultAttribute.choice("signal", "KILL", "TERM"),
            FaultAttribute.of("restart", Shape.TEXT));
    FaultKind<ProcessRestart> RESTART = FaultKind.of(
            "process-restart",
            ProcessRestart.class,
            in -> new ProcessRestart(in.text("restart", "")),
            new ProcessRestart(""),
            FaultAttribute.of("restart", Shape.TEXT));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(PAUSE, KILL, RESTART);

    /** The process is frozen (SIGSTOP) and thawed (SIGCONT) on revert. */
    record ProcessPause() implements ProcessFault {
        @Override
        public FaultKind<ProcessPause> kind() {
            return PAUSE;
        }

        @Override
        public String describe() {
            return "process paused";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            // no attributes
        }
    }

    /**
     * The process is killed with {@code signal} (KILL or TERM). Reverting it means the process is
     * back: started again by {@code restartCommand} when one is given, else by its own supervisor.
     */
    record ProcessKill(String signal, String restartCommand) implements ProcessFault {
        public ProcessKill {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(restartCommand, "restartCommand");
            if (!signal.equals("KILL") && !signal.equals("TERM")) {
                throw new IllegalArgumentException("signal must be KILL or TERM, not " + signal);
            }
        }

        @Override
        public FaultKind<ProcessKill> kind() {
            return KILL;
        }

        @Override
        public String describe() {
            return "process killed (SIG" + signal + ")";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("signal", signal);
            if (!restartCommand.isEmpty()) {
                out.put("restart", restartCommand);
            }
        }
    }

    /**
     * The process is stopped gracefully (SIGTERM, SIGKILL after 10 s) and started again at once by
     * {@code restartCommand}, or by its own supervisor when that is empty: a rolling restart of one.
     */
    record ProcessRestart(String restartCommand) implements ProcessFault {
        public ProcessRestart {
            Objects.requireNonNull(restartCommand, "restartCommand");
        }

        @Override
        public FaultKind<ProcessRestart> kind() {
            return RESTART;
        }

        @Override
        public String describe() {
            return "process restarted";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            if (!restartCommand.isEmpty()) {
                out.put("restart", restartCommand);
            }
        }
    }
}
