package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A rollout's count of pods as Litmus' pods-affected percentage: the smallest whole percentage with
 * which Litmus (max(1, percent × pods / 100) in whole numbers) picks exactly that many.
 */
class LitmusCountsTest {

    @Test
    void eachCountOfFourPodsHasItsPercentage() throws Exception {
        assertThat(LitmusBackend.percentFor(1, 4)).isEqualTo(1);
        assertThat(LitmusBackend.percentFor(2, 4)).isEqualTo(50);
        assertThat(LitmusBackend.percentFor(3, 4)).isEqualTo(75);
        assertThat(LitmusBackend.percentFor(4, 4)).isEqualTo(100);
        assertThat(LitmusBackend.percentFor(2, 3)).isEqualTo(67);
        for (int pods = 1; pods <= 100; pods++) {
            for (int count = 1; count <= pods; count++) {
                int p = LitmusBackend.percentFor(count, pods);
                assertThat(Math.max(1, p * pods / 100))
                        .as(count + " of " + pods)
                        .isEqualTo(count);
            }
        }
    }

    @Test
    void aCountNoPercentageGivesOrMoreThanMatchIsRefused() {
        assertThatThrownBy(() -> LitmusBackend.percentFor(5, 200))
                .hasMessageEndingWith(
                        "Litmus picks pods by a whole percentage: no percentage picks exactly 5 of 200 pods;"
                                + " choose another count or narrow the selector");
        assertThatThrownBy(() -> LitmusBackend.percentFor(5, 4))
                .hasMessageEndingWith("a stage of 5 pods, but only 4 match; lower the rollout's targets");
    }
}
