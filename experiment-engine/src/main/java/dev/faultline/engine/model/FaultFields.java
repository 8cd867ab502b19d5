package dev.faultline.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of one fault as a runbook gives them, for its kind's reader. Every problem is
 * placed at the attribute's line (key {@code ""}: the fault itself); a method that returns null has
 * reported why.
 */
public interface FaultFields {
    /** The fault's type, as written. */
    String type();

    boolean has(String key);

    /** True when present; otherwise reports "a TYPE fault needs 'KEY'" and returns false. */
    boolean require(String key);

    /** A duration of at most {@code max}; the fallback when absent (a problem when that is null too). */
    @Nullable
    Duration duration(String key, @Nullable Duration fallback, Duration max);

    /** A share from 0 to 1; the fallback when absent (a problem, with an example, when that is null too). */
    @Nullable
    Double share(String key, @Nullable Double fallback);

    /** A required size such as 256MB. */
    @Nullable
    Long size(String key);

    /** A rate such as 64MB/s, 0 when absent. */
    @Nullable
    Long rate(String key);

    String text(String key, String fallback);

    int integer(String key, int fallback);

    long longInteger(String key, long fallback);

    boolean flag(String key, boolean fallback);

    /** A mapping of text to text, sorted by key; empty when absent. */
    Map<String, String> textMap(String key);

    /** A list of text (one value counts as a list of one); empty when absent. */
    List<String> texts(String key);

    /** A scalar as text ({@code null} for a null value); null when absent or not a scalar. */
    @Nullable
    String scalar(String key);

    void problem(String key, String message);

    /** Builds a value, turning a constructor's IllegalArgumentException into a problem at {@code key}. */
    <T> @Nullable T build(String key, Supplier<T> make);
}
