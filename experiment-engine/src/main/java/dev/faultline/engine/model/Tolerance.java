package dev.faultline.engine.model;

/**
 * What a probe value must be for the steady state to hold (or, in a stop condition, what makes the
 * run halt). Written in runbooks as {@code < 1%}, {@code >= 95%}, {@code 150..250},
 * {@code 200ms ± 50ms} or {@code == 200}.
 */
public sealed interface Tolerance permits Tolerance.Threshold, Tolerance.Range, Tolerance.Near, Tolerance.Exact {

    boolean accepts(double value);

    /** How far {@code value} lies outside the tolerance, 0 when it is accepted. */
    double distance(double value);

    /** The canonical runbook text of this tolerance. */
    String describe();

    enum Op {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Threshold(Op op, double bound) implements Tolerance {
        @Override
        public boolean accepts(double v) {
            return switch (op) {
                case LT -> v < bound;
                case LE -> v <= bound;
                case GT -> v > bound;
                case GE -> v >= bound;
            };
        }

        @Override
        public double distance(double v) {
            return accepts(v) ? 0 : Math.abs(v - bound);
        }

        @Override
        public String describe() {
            return op.symbol() + " " + Numbers.format(bound);
        }
    }

    record Range(double min, double max) implements Tolerance {
        public Range {
            if (min > max) {
                throw new IllegalArgumentException(
                        "max (" + Numbers.format(max) + ") is below min (" + Numbers.format(min) + ")");
            }
        }

        @Override
        public boolean accepts(double v) {
            return v >= min && v <= max;
        }

        @Override
        public double distance(double v) {
            return v < min ? min - v : v > max ? v - max : 0;
        }

        @Override
        public String describe() {
            return Numbers.format(min) + ".." + Numbers.format(max);
        }
    }

    /** {@code target ± delta}. */
    record Near(double target, double delta) implements Tolerance {
        public Near {
            if (delta < 0) {
                throw new IllegalArgumentException("the ± tolerance (" + Numbers.format(delta) + ") is negative");
            }
        }

        @Override
        public boolean accepts(double v) {
            return Math.abs(v - target) <= delta;
        }

        @Override
        public double distance(double v) {
            return Math.max(0, Math.abs(v - target) - delta);
        }

        @Override
        public String describe() {
            return Numbers.format(target) + " ± " + Numbers.format(delta);
        }
    }

    record Exact(double value) implements Tolerance {
        @Override
        public boolean accepts(double v) {
            return v == value;
        }

        @Override
        public double distance(double v) {
            return Math.abs(v - value);
        }

        @Override
        public String describe() {
            return "== " + Numbers.format(value);
        }
    }
}
