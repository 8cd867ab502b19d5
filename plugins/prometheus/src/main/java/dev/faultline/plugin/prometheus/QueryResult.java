package dev.faultline.plugin.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/**
 * Turns a query's {@code data} into one number: a scalar, a one-series vector, or a one-series
 * matrix reduced by last/min/max/avg. Empty (no series, or only NaN) is "no data". Several series
 * are an error that tells the runbook's author to aggregate.
 */
final class QueryResult {
    private QueryResult() {}

    /** A number, or empty for no data. */
    static OptionalDouble value(JsonNode data, String reduce, String query) throws BadShape {
        String type = data.path("resultType").asString("");
        JsonNode result = data.path("result");
        switch (type) {
            case "scalar":
                return present(sample(result));
            case "vector": {
                if (result.size() == 0) {
                    return OptionalDouble.empty();
                }
                requireOne(result, query);
                JsonNode v = result.get(0).path("value");
                if (v.isMissingNode()) {
                    throw new BadShape("query `" + query + "` gives a native histogram; apply histogram_quantile"
                            + " or histogram_count to it");
                }
                return present(sample(v));
            }
            case "matrix": {
                if (result.size() == 0) {
                    return OptionalDouble.empty();
                }
                requireOne(result, query);
                List<Double> values = new ArrayList<>();
                for (JsonNode pair : result.get(0).path("values")) {
                    double d = sample(pair);
                    if (!Double.isNaN(d)) {
                        values.add(d);
                    }
                }
                return reduce(values, reduce);
            }
            default:
                throw new BadShape("query `" + query + "` gives a " + (type.isEmpty() ? "result without a type" : type)
                        + ", not a number");
        }
    }

    private static void requireOne(JsonNode result, String query) throws BadShape {
        if (result.size() > 1) {
            List<String> series = new ArrayList<>();
            for (int i = 0; i < Math.min(3, result.size()); i++) {
                series.add(result.get(i).path("metric").toString());
            }
            throw new BadShape("query `" + query + "` gives " + result.size() + " series (" + String.join(", ", series)
                    + (result.size() > 3 ? ", ..." : "") + "); aggregate it to one, e.g. sum(...) or max(...)");
        }
    }

    static OptionalDouble reduce(List<Double> values, String reduce) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        return switch (reduce) {
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min();
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max();
            case "avg" -> values.stream().mapToDouble(Double::doubleValue).average();
            default -> OptionalDouble.of(values.get(values.size() - 1));
        };
    }

    private static OptionalDouble present(double d) {
        return Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** {@code [<ts>, "<value>"]}: values are strings so that NaN and ±Inf survive JSON. */
    static double sample(JsonNode pair) throws BadShape {
        String s = pair.path(1).asString("");
        switch (s) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new BadShape("Prometheus gave '" + s + "' where a sample value belongs");
                }
        }
    }

    /** The answer is not one number. */
    static final class BadShape extends Exception {
        BadShape(String message) {
            super(message);
        }
    }
}
