package dev.faultline.engine.runbook;

import tools.jackson.databind.JsonNode;

/** Shares as runbooks write them: {@code 50%}, or a number from 0 to 1. */
final class Shares {
    private Shares() {}

    static double parse(JsonNode n) {
        if (n.isNumber()) {
            double v = n.asDouble();
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("'" + n.asString() + "' is not a share: write a percentage such as"
                        + " 50%, or a number from 0 to 1");
            }
            return v;
        }
        String t = n.asString().strip();
        if (t.endsWith("%")) {
            try {
                double v = Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
                if (v >= 0 && v <= 1) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a share: write a percentage from 0% to 100%, e.g. 50%");
    }
}
