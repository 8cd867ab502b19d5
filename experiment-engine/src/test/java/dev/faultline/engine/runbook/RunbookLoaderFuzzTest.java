package dev.faultline.engine.runbook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the loader with Jazzer. In {@code mvn verify} it replays its stored
 * inputs (regression mode); {@code JAZZER_FUZZ=1 mvn -o -pl experiment-engine test
 * -Dtest=RunbookLoaderFuzzTest "-Dsurefire.argLine=-Xmx512m -Djunit.jupiter.execution.timeout.mode=disabled"}
 * fuzzes for real, up to 150,000 inputs or 30 minutes, each input at most 10 s (the {@code @Timeout},
 * Jazzer's per-input timeout; the property stops JUnit from applying it to the whole fuzzing run,
 * Jazzer issue #930). Figures of the last run: docs/testing.md.
 * In verify it runs in a surefire JVM of its own (tag {@code fuzz}, experiment-engine/pom.xml): Jazzer's
 * agent stays in the JVM that loaded it and instruments every class loaded after it there.
 * Any exception but RunbookException fails it, and so does a refusal that only hides a crash of
 * a reader ("cannot be read: java.lang...."), which users would see instead of a located problem.
 */
@Tag("fuzz")
class RunbookLoaderFuzzTest {
    private final RunbookLoader loader = new RunbookLoader();

    @FuzzTest(maxDuration = "30m", maxExecutions = 150_000)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyTextLoadsOrIsRefusedWithProblems(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            loader.parse(text, "fuzz.yaml");
        } catch (RunbookException expected) {
            if (expected.problems().isEmpty()) {
                throw new IllegalStateException("a refusal without a problem");
            }
            for (RunbookProblem p : expected.problems()) {
                if (p.message().startsWith("cannot be read: ")) {
                    throw new IllegalStateException("a reader crashed: " + p);
                }
            }
        }
    }
}
