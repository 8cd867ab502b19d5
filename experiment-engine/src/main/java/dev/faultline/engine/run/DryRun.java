package dev.faultline.engine.run;

import dev.faultline.engine.spi.run.ProbeSample;
import java.util.List;

/**
 * What a run would do, without doing it: the pre-flight checks (backends, targets, blast radius,
 * probe sources, one reading of every probe) and the planned timeline.
 */
public record DryRun(List<PreflightCheck> checks, TimelinePlan plan, List<ProbeSample> readings) {
    public DryRun {
        checks = List.copyOf(checks);
        readings = List.copyOf(readings);
    }

    public boolean passed() {
        return checks.stream().allMatch(PreflightCheck::passed);
    }
}
