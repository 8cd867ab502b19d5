package dev.faultline.engine.runbook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the loader with Jazzer. In {@code mvn verify} it replays its stored
 * inputs (regression mode); {@code JAZZER_FUZZ=1 mvn -pl experiment-engine test
 * -Dtest=RunbookLoaderFuzzTest} fuzzes for real. Any exception but RunbookException fails it.
 */
class RunbookLoaderFuzzTest {
    private final RunbookLoader loader = new RunbookLoader();

    @FuzzTest(maxDuration = "60s")
    void anyTextLoadsOrIsRefusedWithProblems(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            loader.parse(text, "fuzz.yaml");
        } catch (RunbookException expected) {
            if (expected.problems().isEmpty()) {
                throw new IllegalStateException("a refusal without a problem");
            }
        }
    }
}
