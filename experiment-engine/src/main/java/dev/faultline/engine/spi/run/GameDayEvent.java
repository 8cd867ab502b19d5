package dev.faultline.engine.spi.run;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import java.time.Instant;
import java.util.List;

/** What happens at the level of a GameDay, with its time; a run's own events are {@code RunEvent}s. */
public sealed interface GameDayEvent {

    /** The id of this running of the GameDay ({@code 20261203-090000-first-gameday-1a2b}). */
    String gameDayRunId();

    Instant at();

    String type();

    record Started(String gameDayRunId, Instant at, GameDay gameDay, List<Experiment> experiments)
            implements GameDayEvent {
        public Started {
            experiments = List.copyOf(experiments);
        }

        public String type() {
            return "gameday-started";
        }
    }

    /** An experiment's run was started: {@code index} counts from 0, of {@code total}. */
    record ExperimentStarted(String gameDayRunId, Instant at, int index, int total, Experiment experiment, String runId)
            implements GameDayEvent {
        public String type() {
            return "experiment-started";
        }
    }

    /** An experiment could not start (the kill switch is engaged, ...). */
    record ExperimentSkipped(
            String gameDayRunId, Instant at, int index, int total, Experiment experiment, String reason)
            implements GameDayEvent {
        public String type() {
            return "experiment-skipped";
        }
    }

    record ExperimentFinished(
            String gameDayRunId, Instant at, int index, int total, Experiment experiment, RunResult result)
            implements GameDayEvent {
        public String type() {
            return "experiment-finished";
        }
    }

    /**
     * The experiment at {@code index} was halted (by the kill switch, its stop condition, ...) and the
     * leader chose how the day goes on: resume with the next one, repeat it, or end the day.
     * {@code expected}: the halt was by a stop condition the experiment declares its expected outcome
     * ({@code haltExpected}); the day went on with the next experiment by itself, nobody was asked.
     */
    record HaltDecided(
            String gameDayRunId,
            Instant at,
            int index,
            int total,
            Experiment experiment,
            AfterHalt decision,
            String halt,
            boolean expected)
            implements GameDayEvent {
        /** A halt the leader decided on (not one the experiment expected). */
        public HaltDecided(
                String gameDayRunId,
                Instant at,
                int index,
                int total,
                Experiment experiment,
                AfterHalt decision,
                String halt) {
            this(gameDayRunId, at, index, total, experiment, decision, halt, false);
        }

        public String type() {
            return "halt-decided";
        }
    }

    record Finished(
            String gameDayRunId,
            Instant at,
            GameDay gameDay,
            GameDayOutcome outcome,
            String reason,
            List<RunResult> results)
            implements GameDayEvent {
        public Finished {
            results = List.copyOf(results);
        }

        public String type() {
            return "gameday-finished";
        }
    }
}
