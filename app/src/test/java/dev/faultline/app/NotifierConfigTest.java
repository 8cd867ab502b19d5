package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.NotifierSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigTest {
    @TempDir
    Path home;

    @Test
    void theFileIsReadEnvironmentVariablesWinAndTokensBecomeSecrets() throws Exception {
        Files.writeString(NotifierConfig.file(home), "slack.channel=#ops\nslack.token=xoxb-file\n# comment\n");
        NotifierSettings s = NotifierConfig.load(
                home,
                Map.of(
                        "FAULTLINE_SLACK_TOKEN",
                        "xoxb-env",
                        "FAULTLINE_SLACK_WEBHOOK_URL",
                        "https://hooks.slack.com/services/T/B/x",
                        "PATH",
                        "/bin"));
        assertThat(s.value("slack.channel")).contains("#ops");
        assertThat(s.secret("slack.token").orElseThrow().reveal()).isEqualTo("xoxb-env");
        assertThat(s.secret("slack.webhookUrl")).isPresent();
        assertThat(s.values()).doesNotContainKeys("slack.token", "slack.webhookUrl");
        assertThat(s.toString()).doesNotContain("xoxb").contains("slack.token=****");
    }

    @Test
    void noFileAndNoVariablesMeansNoSettings() throws Exception {
        assertThat(NotifierConfig.load(home, Map.of())).isEqualTo(NotifierSettings.EMPTY);
    }

    @Test
    void aCredentialGivenAsAReferenceIsReadFromWhereItPoints() throws Exception {
        Path tokenFile = home.resolve("slack-token");
        Files.writeString(tokenFile, "xoxb-from-file\n");
        Files.writeString(
                NotifierConfig.file(home),
                "slack.token=file:" + tokenFile + "\nslack.webhookUrl=env:HOOK\nslack.channel=#ops\n");

        NotifierSettings s = NotifierConfig.load(home, Map.of("HOOK", "https://hooks.slack.com/services/T/B/y"));

        assertThat(s.secret("slack.token").orElseThrow().reveal()).isEqualTo("xoxb-from-file");
        assertThat(s.secret("slack.webhookUrl").orElseThrow().reveal())
                .isEqualTo("https://hooks.slack.com/services/T/B/y");
        assertThatThrownBy(() -> NotifierConfig.load(home, Map.of()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("slack.webhookUrl")
                .hasMessageContaining("HOOK");
    }
}
