package dev.faultline.engine.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.Secret;
import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void aSecretPrintsAsStarsAndShowsOnlyAHint() {
        Secret s = Secret.of("xoxb-1234-5678-abcdefghijkl");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(String.valueOf(java.util.List.of(s))).isEqualTo("[****]");
        assertThat(s.hint()).isEqualTo("****ijkl");
        assertThat(Secret.of("short").hint()).isEqualTo("****");
        assertThat(s.reveal()).isEqualTo("xoxb-1234-5678-abcdefghijkl");
        assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
