package dev.faultline.plugin.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The path glob's documented semantics (docs/plugins/local.md, docs/runbook-reference.md): {@code *}
 * within a segment, {@code **} across segments, {@code ?} one character of a segment, the rest literal.
 */
class GlobMatcherTest {
    private static boolean matches(String glob, String path) {
        return GlobMatcher.of(glob).matches(path);
    }

    @Test
    void aStarStaysWithinOneSegment() {
        assertThat(matches("/orders/*", "/orders/42")).isTrue();
        assertThat(matches("/orders/*", "/orders/")).isTrue();
        assertThat(matches("/orders/*", "/orders/42/items")).isFalse();
        assertThat(matches("/pay*", "/payments")).isTrue();
        assertThat(matches("/pay*", "/pay/x")).isFalse();
        assertThat(matches("/*/items", "/orders/items")).isTrue();
        assertThat(matches("/*/items", "/a/b/items")).isFalse();
    }

    @Test
    void twoStarsCrossSegments() {
        assertThat(matches("/**", "/")).isTrue();
        assertThat(matches("/**", "/a/b/c")).isTrue();
        assertThat(matches("/api/**/items", "/api/v1/orders/items")).isTrue();
        assertThat(matches("/api/**/items", "/api/items")).isFalse(); // two slashes around ** are both literal
        assertThat(matches("**/items", "/a/items")).isTrue();
        assertThat(matches("/**a/*x", "/q/ra/bx")).isTrue(); // needs the ** to go past a later * that cannot
        assertThat(matches("/**a/*x", "/q/ra/b/x")).isFalse();
        assertThat(matches("/***", "/a/b")).isTrue(); // ** then *
    }

    @Test
    void aQuestionMarkIsOneCharacterOfASegment() {
        assertThat(matches("/v?/orders", "/v1/orders")).isTrue();
        assertThat(matches("/v?/orders", "/v12/orders")).isFalse();
        assertThat(matches("/v?/orders", "/v/orders")).isFalse();
        assertThat(matches("/a?b", "/a/b")).isFalse();
    }

    @Test
    void everythingElseIsLiteral() {
        assertThat(matches("/a.b", "/a.b")).isTrue();
        assertThat(matches("/a.b", "/axb")).isFalse();
        assertThat(matches("/(x)+[y]$\\E^|{2}", "/(x)+[y]$\\E^|{2}")).isTrue();
        assertThat(matches("/orders", "/orders/")).isFalse();
        assertThat(matches("", "")).isTrue();
        assertThat(matches("", "/")).isFalse();
    }

    @Test
    void thePathologicalGlobAnswersAtOnceAndPathsOverTheBoundMatchNothing() {
        String glob = "/" + "**a".repeat(8) + "!";
        assertThat(matches(glob, "/" + "a".repeat(60))).isFalse();
        assertThat(matches(glob, "/" + "a".repeat(60) + "!")).isTrue();
        assertThat(matches("/**", "/" + "a".repeat(GlobMatcher.MAX_PATH - 1))).isTrue();
        assertThat(matches("/**", "/" + "a".repeat(GlobMatcher.MAX_PATH))).isFalse();
    }

    @Test
    void globsOverTheBoundsAreRefused() {
        assertThatThrownBy(() -> GlobMatcher.of("/" + "**a".repeat(17)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the path glob has 17 wildcards (*, ** or ?); at most 16");
        assertThatThrownBy(() -> GlobMatcher.of("/" + "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the path glob is 257 characters long; at most 256");
    }

    /** Seeded, bounded: the matcher agrees with the regular expression the glob used to be compiled to. */
    @Test
    void agreesWithTheRegularExpressionOfTheDocumentedSemanticsOnSmallInputs() {
        Random random = new Random(13);
        String globChars = "ab/*?";
        String pathChars = "ab/";
        for (int n = 0; n < 20_000; n++) {
            String glob = randomText(random, globChars, 7);
            String path = randomText(random, pathChars, 9);
            assertThat(matches(glob, path))
                    .as("glob %s on %s", glob, path)
                    .isEqualTo(regex(glob).matcher(path).matches());
        }
    }

    /** Globs of more than 64 tokens span several machine words of the automaton: still the regex's answer. */
    @Test
    void longGlobsAgreeWithTheRegularExpressionToo() {
        Random random = new Random(1313);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder glob = new StringBuilder("/");
            StringBuilder path = new StringBuilder("/");
            int length = 60 + random.nextInt(180);
            int wildcards = 0;
            while (glob.length() < length) {
                int r = random.nextInt(40);
                if (r == 0 && wildcards < 6) {
                    glob.append("**");
                    path.append(randomText(random, "ab/", 5));
                    wildcards++;
                } else if (r == 1 && wildcards < 6) {
                    glob.append('*');
                    path.append(randomText(random, "ab", 5));
                    wildcards++;
                } else if (r == 2 && wildcards < 6) {
                    glob.append('?');
                    path.append('b');
                    wildcards++;
                } else {
                    char c = "ab/".charAt(random.nextInt(3));
                    glob.append(c);
                    path.append(c);
                }
            }
            if (random.nextBoolean()) {
                int at = random.nextInt(path.length());
                path.setCharAt(at, "ab/".charAt(random.nextInt(3)));
            }
            assertThat(matches(glob.toString(), path.toString()))
                    .as("glob %s on %s", glob, path)
                    .isEqualTo(regex(glob.toString()).matcher(path).matches());
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The old translation, kept here as the statement of the semantics for small inputs only. */
    private static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
