package dev.faultline.app.view.live;

import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import org.jspecify.annotations.Nullable;

/**
 * One probe as the live view shows it: its samples, the band it must stay in, the baseline once
 * measured, and the latest reading. Owned by the FX thread.
 */
public final class ProbeTrack {
    /** Points kept per probe: a 4-hour GameDay at 1 s is 14,400; beyond that pairs are merged. */
    public static final int CAPACITY = 16_384;

    private final Probe probe;
    private final ProbeSeries series = new ProbeSeries(CAPACITY);
    private final @Nullable Tolerance haltWhen;
    private double baselineSum;
    private int baselineCount;
    private double latest = Double.NaN;
    private boolean latestWithin = true;
    private @Nullable String latestError;

    ProbeTrack(Probe probe, @Nullable Tolerance haltWhen) {
        this.probe = probe;
        this.haltWhen = haltWhen;
    }

    void add(long at, double value, boolean within, @Nullable String error, boolean baseline) {
        series.add(at, value);
        latest = value;
        latestWithin = within;
        latestError = error;
        if (baseline && !Double.isNaN(value)) {
            baselineSum += value;
            baselineCount++;
        }
    }

    public Probe probe() {
        return probe;
    }

    public String name() {
        return probe.name();
    }

    public ProbeSeries series() {
        return series;
    }

    public ToleranceBand band() {
        return ToleranceBand.of(probe.expect());
    }

    /** The stop condition's halt zone for this probe, if one watches it. */
    public @Nullable ToleranceBand haltZone() {
        return haltWhen == null ? null : ToleranceBand.of(haltWhen);
    }

    /** The mean of the baseline samples; NaN until there is one. */
    public double baseline() {
        return baselineCount == 0 ? Double.NaN : baselineSum / baselineCount;
    }

    public double latest() {
        return latest;
    }

    public boolean latestWithin() {
        return latestWithin;
    }

    public @Nullable String latestError() {
        return latestError;
    }
}
