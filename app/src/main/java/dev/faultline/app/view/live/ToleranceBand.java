package dev.faultline.app.view.live;

import dev.faultline.engine.model.Tolerance;

/** The values a tolerance accepts, as a band to shade: open ends are infinite. */
public record ToleranceBand(double low, double high) {

    public static ToleranceBand of(Tolerance t) {
        if (t instanceof Tolerance.Threshold th) {
            return switch (th.op()) {
                case LT, LE -> new ToleranceBand(Double.NEGATIVE_INFINITY, th.bound());
                case GT, GE -> new ToleranceBand(th.bound(), Double.POSITIVE_INFINITY);
            };
        }
        if (t instanceof Tolerance.Range r) {
            return new ToleranceBand(r.min(), r.max());
        }
        if (t instanceof Tolerance.Near n) {
            return new ToleranceBand(n.target() - n.delta(), n.target() + n.delta());
        }
        Tolerance.Exact e = (Tolerance.Exact) t;
        return new ToleranceBand(e.value(), e.value());
    }

    /** The band clipped to what a chart shows. */
    public ToleranceBand clip(double min, double max) {
        return new ToleranceBand(Math.max(low, min), Math.min(high, max));
    }
}
