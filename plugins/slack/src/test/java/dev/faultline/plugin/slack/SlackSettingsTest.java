package dev.faultline.plugin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    @Test
    void nothingSetMeansNoSlack() throws Exception {
        assertThat(SlackSettings.from(NotifierSettings.EMPTY)).isEmpty();
    }

    @Test
    void aTokenNeedsAChannelAndTheRightForm() {
        assertThatThrownBy(() -> SlackSettings.from(
                        new NotifierSettings(Map.of(), Map.of("slack.token", Secret.of("xoxb-1-2-abc")))))
                .isInstanceOf(NotifierException.class)
                .hasMessageStartingWith("slack.channel is missing");
        assertThatThrownBy(() -> SlackSettings.from(new NotifierSettings(
                        Map.of("slack.channel", "#ops"),
                        Map.of("slack.token", Secret.of("abcdefghijklmnopqrstuvwxyz")))))
                .hasMessageContaining("starts with xoxb-")
                .hasMessageContaining("****wxyz")
                .hasMessageNotContaining("abcdefghijklmnop");
        assertThatThrownBy(() -> SlackSettings.from(new NotifierSettings(
                        Map.of("slack.channel", "#ops"),
                        Map.of(
                                "slack.token",
                                Secret.of("xoxb-1"),
                                "slack.webhookUrl",
                                Secret.of("https://hooks.slack.com/x")))))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> SlackSettings.from(new NotifierSettings(Map.of("slack.channel", "#ops"), Map.of())))
                .hasMessageContaining("neither slack.webhookUrl nor slack.token");
        assertThatThrownBy(() -> SlackSettings.from(new NotifierSettings(
                        Map.of("slack.channel", "#ops", "slack.attempts", "many"),
                        Map.of("slack.token", Secret.of("xoxb-1")))))
                .hasMessageContaining("slack.attempts");
    }

    @Test
    void messagesCutAtSlackLimitsKeepEmojiWhole() {
        String s = "a".repeat(148) + "🚀🚀";
        String cut = SlackMessages.cut(s, 150);
        assertThat(cut).hasSizeLessThanOrEqualTo(150).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(SlackMessages.esc("a<b>&c")).isEqualTo("a&lt;b&gt;&amp;c");
    }
}
