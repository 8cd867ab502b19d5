package dev.faultline.engine.runbook;

import dev.faultline.engine.FaultlineException;
import java.util.List;

/** A runbook that cannot be loaded, with every problem found in it, in file order. */
public final class RunbookException extends FaultlineException {
    private final List<RunbookProblem> problems;

    public RunbookException(List<RunbookProblem> problems) {
        super(String.join("\n", problems.stream().map(RunbookProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a runbook exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<RunbookProblem> problems() {
        return problems;
    }
}
