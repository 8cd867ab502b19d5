package dev.faultline.app.view.live;

/**
 * The value axis of a probe's chart: the samples, the tolerance's finite edges and the baseline,
 * padded, so the band a probe must stay in is always in sight.
 */
record ValueRange(double low, double high) {

    static ValueRange of(double[] ys, ProbeTrack track) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        ToleranceBand band = track.band();
        for (double edge : new double[] {band.low(), band.high(), track.baseline()}) {
            if (Double.isFinite(edge)) {
                lo = Math.min(lo, edge);
                hi = Math.max(hi, edge);
            }
        }
        if (!Double.isFinite(lo)) {
            return new ValueRange(0, 1);
        }
        double pad = hi > lo ? (hi - lo) * 0.12 : Math.max(Math.abs(hi) * 0.1, 1e-3);
        return new ValueRange(lo - pad, hi + pad);
    }
}
