package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PathGlob;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code validate} refuses an HTTP fault's path glob beyond the bounds the chaos proxy accepts. */
class HttpPathGlobBoundsTest {
    private static final String BASE = RunbookLoaderTest.GOOD
            .replace("fault: {type: latency, latency: 300ms, jitter: 50ms}", "fault: FAULT")
            .replace("target: {proxy: payments}", "target: {httpProxy: payments}")
            .replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");

    private final RunbookLoader loader = new RunbookLoader();

    @Test
    void aGlobWithTooManyWildcardsIsRefusedAtTheFault() {
        String glob = "/" + "**a".repeat(20) + "!";
        List<RunbookProblem> problems =
                problems(BASE.replace("FAULT", "{type: http, path: '" + glob + "', abort: 503}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("the path glob has 20 wildcards (*, ** or ?); at most 16");
            assertThat(p.line()).isEqualTo(lineOf(BASE, "fault: FAULT"));
        });
    }

    @Test
    void aGlobLongerThanTheBoundIsRefused() {
        String glob = "/" + "a".repeat(PathGlob.MAX_LENGTH);
        assertThat(problems(BASE.replace("FAULT", "{type: http, path: '" + glob + "', abort: 503}")))
                .extracting(RunbookProblem::message)
                .containsExactly("the path glob is 257 characters long; at most 256");
    }

    @Test
    void aGlobAtTheBoundsLoads() throws Exception {
        String glob = "/" + "*a".repeat(PathGlob.MAX_WILDCARDS);
        Fault f = ((MethodStep.FaultStep)
                        loader.parse(BASE.replace("FAULT", "{type: http, path: '" + glob + "', abort: 503}"), "t.yaml")
                                .experiment()
                                .method()
                                .get(0))
                .fault();
        assertThat(((HttpFault) f).path()).isEqualTo(glob);
    }

    private List<RunbookProblem> problems(String text) {
        try {
            loader.parse(text, "t.yaml");
        } catch (RunbookException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }
}
