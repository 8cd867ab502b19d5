package dev.faultline.plugin.local.http;

import dev.faultline.engine.model.PathGlob;
import java.util.HashMap;
import java.util.Map;

/**
 * A path glob matched in time linear in the path: {@code *} any run of characters but {@code /},
 * {@code **} any run of characters, {@code ?} one character but {@code /}, anything else itself.
 * The glob is a small automaton (one state per token) whose set of live states advances one path
 * character at a time, 64 states to a machine word; nothing backtracks, so a path costs at most its
 * length times the glob's length / 64 (both bounded: {@link PathGlob}, {@link #MAX_PATH}).
 */
final class GlobMatcher {
    /** Longer request paths are matched by no glob (Netty refuses request lines over 4096 bytes anyway). */
    static final int MAX_PATH = 4096;

    private final int tokens;
    private final int words;
    /** Per literal character, the tokens that are that character. */
    private final Map<Character, long[]> literal = new HashMap<>();
    /** The {@code ?} tokens. */
    private final long[] one;
    /** The {@code **} tokens, which stay live on any character. */
    private final long[] any;
    /** The {@code *} tokens, which stay live on any character but {@code /}. */
    private final long[] inSegment;
    /** Where the stars are, in order: a live star lets its next state be live too (it may match nothing). */
    private final int[] stars;

    private GlobMatcher(String glob) {
        int n = 0;
        int starCount = 0;
        char[] kinds = new char[glob.length()];
        char[] chars = new char[glob.length()];
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                kinds[n] = 'A';
                i++;
            } else {
                kinds[n] = c == '*' ? 'S' : c == '?' ? 'O' : 'L';
                chars[n] = c;
            }
            starCount += kinds[n] == 'A' || kinds[n] == 'S' ? 1 : 0;
            n++;
        }
        tokens = n;
        words = (tokens + 1 + 63) / 64;
        one = new long[words];
        any = new long[words];
        inSegment = new long[words];
        stars = new int[starCount];
        int s = 0;
        for (int i = 0; i < tokens; i++) {
            switch (kinds[i]) {
                case 'A' -> set(any, i);
                case 'S' -> set(inSegment, i);
                case 'O' -> set(one, i);
                default -> set(literal.computeIfAbsent(chars[i], k -> new long[words]), i);
            }
            if (kinds[i] == 'A' || kinds[i] == 'S') {
                stars[s++] = i;
            }
        }
    }

    /** @throws IllegalArgumentException when the glob is over {@link PathGlob}'s bounds */
    static GlobMatcher of(String glob) {
        PathGlob.check(glob);
        return new GlobMatcher(glob);
    }

    boolean matches(String path) {
        if (path.length() > MAX_PATH) {
            return false;
        }
        long[] live = new long[words];
        long[] next = new long[words];
        set(live, 0);
        closeOverStars(live);
        for (int p = 0; p < path.length(); p++) {
            char c = path.charAt(p);
            long[] same = literal.get(c);
            boolean slash = c == '/';
            long carry = 0;
            long alive = 0;
            for (int w = 0; w < words; w++) {
                long advances = live[w] & ((same == null ? 0 : same[w]) | (slash ? 0 : one[w]));
                long stays = live[w] & (any[w] | (slash ? 0 : inSegment[w]));
                next[w] = advances << 1 | carry | stays;
                carry = advances >>> 63;
                alive |= next[w];
            }
            if (alive == 0) {
                return false;
            }
            closeOverStars(next);
            long[] t = live;
            live = next;
            next = t;
        }
        return isSet(live, tokens);
    }

    private void closeOverStars(long[] set) {
        for (int star : stars) {
            if (isSet(set, star)) {
                set(set, star + 1);
            }
        }
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << (i & 63);
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & 1L << (i & 63)) != 0;
    }
}
