package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.OutOfRangeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Collects a runbook's problems, each placed at the line and column of the field it concerns. */
final class Problems {
    private final LocatedTree tree;
    private final String file;
    private final List<RunbookProblem> list = new ArrayList<>();

    Problems(LocatedTree tree, String file) {
        this.tree = tree;
        this.file = file;
    }

    void at(String path, String message) {
        SourceMark m = tree.markOf(path);
        list.add(new RunbookProblem(file, m.line(), m.column(), path, message));
    }

    /** A value refused by its parser: the parser's message, or "is not valid" when it gave none. */
    void at(String path, RuntimeException refused) {
        String message = refused.getMessage();
        at(path, message != null ? message : "is not valid");
    }

    boolean any() {
        return !list.isEmpty();
    }

    List<RunbookProblem> sorted() {
        List<RunbookProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(RunbookProblem::line).thenComparingInt(RunbookProblem::column));
        return out;
    }

    /** Builds a value, turning a constructor's IllegalArgumentException into a problem at {@code path}. */
    <T> @Nullable T build(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            at(path, e);
            return null;
        }
    }

    /**
     * A duration at {@code path} of at most {@code max}, the fallback when absent, null (with a
     * problem) when wrong or out of range.
     */
    @Nullable
    Duration duration(JsonNode parent, String parentPath, String key, @Nullable Duration fallback, Duration max) {
        JsonNode n = parent.get(key);
        String path = LocatedTree.child(parentPath, key);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                at(path, "is required, e.g. 30s");
            }
            return fallback;
        }
        try {
            Duration d = Durations.parse(n.asString(), key, max);
            if (d.isNegative()) {
                at(path, "cannot be negative");
                return null;
            }
            return d;
        } catch (OutOfRangeException e) {
            at(path, e);
            return null;
        } catch (IllegalArgumentException e) {
            at(path, "'" + n.asString() + "' is not a duration, e.g. 30s or 2m");
            return null;
        }
    }

    String text(JsonNode parent, String key, String fallback) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? fallback : n.asString();
    }
}
