package dev.faultline.engine.spi;

import dev.faultline.engine.FaultlineException;
import dev.faultline.engine.runbook.RunbookProblem;
import java.util.List;

/**
 * The user's settings cannot be used: a bad environments file (each problem with its file, line and
 * field), or a credential that cannot be read.
 */
public final class SettingsException extends FaultlineException {
    private final List<RunbookProblem> problems;

    public SettingsException(String message) {
        super(message);
        this.problems = List.of();
    }

    public SettingsException(List<RunbookProblem> problems) {
        super(String.join("\n", problems.stream().map(RunbookProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The located problems of a settings file; empty for other failures. */
    public List<RunbookProblem> problems() {
        return problems;
    }
}
