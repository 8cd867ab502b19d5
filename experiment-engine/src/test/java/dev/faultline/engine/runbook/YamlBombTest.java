package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile YAML is refused quickly with a located problem: aliases that would expand to billions of
 * nodes (billion laughs) and nesting deep enough to exhaust the stack. Bounded in time: a loader
 * that expands or recurses without limit fails the test instead of hanging it.
 */
class YamlBombTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private final RunbookLoader loader = new RunbookLoader();

    private List<RunbookProblem> problems(String text) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                loader.parse(text, "bomb.yaml");
            } catch (RunbookException e) {
                return e.problems();
            }
            throw new AssertionError("expected a refusal");
        });
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAnchor() {
        StringBuilder b = new StringBuilder("apiVersion: faultline.dev/v1\nkind: Experiment\nmetadata:\n  labels:\n");
        b.append("    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            b.append("    ")
                    .append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, prev)))
                    .append("]\n");
        }
        List<RunbookProblem> p = problems(b.toString());
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.field()).isEqualTo("metadata.labels.a");
            assertThat(x.message()).contains("anchors and aliases (&, *) are not allowed");
        });
    }

    @Test
    void oneAliasIsRefusedToo() {
        List<RunbookProblem> p = problems(RunbookLoaderTest.GOOD
                .replace("labels: {team: shop}", "labels: &l {team: shop}")
                .replace("  environment: sandbox", "  environment: sandbox\n  other: *l"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(6);
            assertThat(x.message()).contains("anchors and aliases (&, *) are not allowed");
        });
    }

    @Test
    void deepNestingIsRefusedWithAPlace() {
        int depth = 100_000;
        String text = "apiVersion: faultline.dev/v1\nkind: Experiment\nmetadata: " + "[".repeat(depth)
                + "]".repeat(depth) + "\n";
        List<RunbookProblem> p = problems(text);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).isEqualTo("not a runbook: lists and mappings are nested more than 64 levels deep");
        });
    }

    /** Paths of values deep down are long: many values there must not turn 1 MB of text into gigabytes. */
    @Test
    void manyValuesDeepDownAreRefusedBeforeTheirPathsFillMemory() {
        int depth = 60;
        String text = "apiVersion: faultline.dev/v1\nkind: Experiment\nmetadata: " + "[".repeat(depth)
                + "1,".repeat(240_000) + "1" + "]".repeat(depth) + "\n";
        List<RunbookProblem> p = problems(text);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message())
                    .isEqualTo("not a runbook: too many values under too long keys or too deep (their"
                            + " paths exceed 16000000 characters)");
        });
    }

    @Test
    void manyValuesUnderALongKeyToo() {
        // an explicit key (? ...) may be longer than the 1024 characters of a plain one
        String text = "apiVersion: faultline.dev/v1\nkind: Experiment\nmetadata:\n  ? " + "k".repeat(40_000) + "\n  : ["
                + "1,".repeat(400_000) + "1]\n";
        List<RunbookProblem> p = problems(text);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("paths exceed 16000000 characters");
        });
    }

    @Test
    void deepNestingOfMappingsToo() {
        int depth = 20_000;
        String text = "apiVersion: faultline.dev/v1\nkind: Experiment\nmetadata: " + "{a: ".repeat(depth) + "1"
                + "}".repeat(depth) + "\n";
        List<RunbookProblem> p = problems(text);
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("nested"));
    }
}
