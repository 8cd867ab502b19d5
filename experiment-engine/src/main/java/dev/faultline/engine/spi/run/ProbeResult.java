package dev.faultline.engine.spi.run;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One probe's story in a run.
 *
 * @param deviation        relative change of the mean during the method against the baseline
 *                         (0.25 = 25% higher); NaN when either is missing
 * @param recovered        the probe was within tolerance at the final verification
 * @param recoveryTime     from the end of the last fault to the first sample of the unbroken
 *                         stretch within tolerance that lasted to the end; null when not recovered
 *                         or when it never left the tolerance
 */
public record ProbeResult(
        String probe,
        String expect,
        boolean checkedDuring,
        SampleStats baseline,
        SampleStats during,
        SampleStats after,
        double deviation,
        Impact impact,
        boolean recovered,
        @Nullable Duration recoveryTime) {
    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(expect, "expect");
    }

    /** Whether this probe kept the hypothesis: during (when checked then) and after. */
    public boolean held() {
        return recovered && (!checkedDuring || during.outside() == 0);
    }
}
