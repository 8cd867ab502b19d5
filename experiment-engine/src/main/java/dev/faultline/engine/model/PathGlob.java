package dev.faultline.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * The bounds of an HTTP fault's path glob ({@code *} within a segment, {@code **} across segments,
 * {@code ?} one character), the same for {@code validate} and for the chaos proxy's API: a glob is
 * written by people for request paths, so anything longer or wilder is refused rather than matched.
 */
public final class PathGlob {
    /** The longest glob accepted, in characters. */
    public static final int MAX_LENGTH = 256;
    /** The most wildcards ({@code *}, {@code **} or {@code ?}, each counting one) in one glob. */
    public static final int MAX_WILDCARDS = 16;

    private PathGlob() {}

    /** What is wrong with {@code glob}, or null when it is within the bounds. */
    public static @Nullable String problem(String glob) {
        if (glob.length() > MAX_LENGTH) {
            return "the path glob is " + glob.length() + " characters long; at most " + MAX_LENGTH;
        }
        int wildcards = wildcards(glob);
        if (wildcards > MAX_WILDCARDS) {
            return "the path glob has " + wildcards + " wildcards (*, ** or ?); at most " + MAX_WILDCARDS;
        }
        return null;
    }

    /** @throws IllegalArgumentException saying what is wrong when {@code glob} is out of bounds */
    public static void check(String glob) {
        String problem = problem(glob);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int wildcards(String glob) {
        int n = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                n++;
                i++;
            } else if (c == '*' || c == '?') {
                n++;
            }
        }
        return n;
    }
}
