package dev.faultline.plugin.local.http;

import dev.faultline.engine.model.PathGlob;
import java.util.Arrays;

/**
 * A path glob matched in time linear in the path: {@code *} any run of characters but {@code /},
 * {@code **} any run of characters, {@code ?} one character but {@code /}, anything else itself.
 * The glob is a small automaton whose set of live positions advances one path character at a time
 * (no backtracking), so a path costs at most its length times the glob's (both bounded: see
 * {@link PathGlob}, {@link #MAX_PATH}).
 */
final class GlobMatcher {
    /** Longer request paths are matched by no glob (Netty refuses request lines over 4096 bytes anyway). */
    static final int MAX_PATH = 4096;

    private static final char ANY_IN_SEGMENT = 0;
    private static final char ANY = 1;
    private static final char ONE = 2;
    private static final char LITERAL = 3;

    private final char[] kinds;
    private final char[] chars;

    private GlobMatcher(char[] kinds, char[] chars) {
        this.kinds = kinds;
        this.chars = chars;
    }

    /** @throws IllegalArgumentException when the glob is over {@link PathGlob}'s bounds */
    static GlobMatcher of(String glob) {
        PathGlob.check(glob);
        char[] kinds = new char[glob.length()];
        char[] chars = new char[glob.length()];
        int n = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                kinds[n] = ANY;
                i++;
            } else if (c == '*') {
                kinds[n] = ANY_IN_SEGMENT;
            } else if (c == '?') {
                kinds[n] = ONE;
            } else {
                kinds[n] = LITERAL;
                chars[n] = c;
            }
            n++;
        }
        return new GlobMatcher(Arrays.copyOf(kinds, n), Arrays.copyOf(chars, n));
    }

    boolean matches(String path) {
        if (path.length() > MAX_PATH) {
            return false;
        }
        int states = kinds.length + 1; // state i: the first i tokens matched; the last one accepts
        boolean[] live = new boolean[states];
        boolean[] next = new boolean[states];
        live[0] = true;
        closeOverStars(live);
        for (int p = 0; p < path.length(); p++) {
            char c = path.charAt(p);
            Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < kinds.length; i++) {
                if (!live[i]) {
                    continue;
                }
                switch (kinds[i]) {
                    case ANY -> next[i] = true;
                    case ANY_IN_SEGMENT -> next[i] |= c != '/';
                    case ONE -> next[i + 1] |= c != '/';
                    default -> next[i + 1] |= c == chars[i];
                }
                any = true;
            }
            if (!any) {
                return false;
            }
            closeOverStars(next);
            boolean[] t = live;
            live = next;
            next = t;
        }
        return live[kinds.length];
    }

    /** A star may match nothing: whoever reaches a star is also past it. */
    private void closeOverStars(boolean[] set) {
        for (int i = 0; i < kinds.length; i++) {
            if (set[i] && (kinds[i] == ANY || kinds[i] == ANY_IN_SEGMENT)) {
                set[i + 1] = true;
            }
        }
    }
}
