package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.Availability;
import dev.faultline.plugin.kube.MockCluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-flight failures before anything is made: context, credentials, CRDs, a silent server. */
class ChaosMeshSettingsIT {
    @TempDir
    Path dir;

    private final ChaosMeshBackendProvider provider = new ChaosMeshBackendProvider();

    @Test
    void anInstalledChaosMeshIsAvailable() throws Exception {
        try (ChaosMeshFixture f = new ChaosMeshFixture(dir, true)) {
            assertThat(provider.check(f.settings()).detail()).contains("Chaos Mesh CRDs found in context 'test'");
        }
    }

    @Test
    void anUnknownContextIsNamedWithTheKnownOnes() throws Exception {
        try (ChaosMeshFixture f = new ChaosMeshFixture(dir, true)) {
            Availability a = provider.check(ChaosMeshFixture.settings(f.kubeconfig, "prod"));
            assertThat(a.isAvailable()).isFalse();
            assertThat(a.detail()).contains("unknown context 'prod'").contains("(it has: test)");
            assertThatThrownBy(() -> provider.create(ChaosMeshFixture.settings(dir.resolve("missing"), "test")))
                    .hasMessageContaining("does not exist or cannot be read");
        }
    }

    @Test
    void aMissingCrdSaysChaosMeshIsNotInstalled() throws Exception {
        try (ChaosMeshFixture f = new ChaosMeshFixture(dir, false)) {
            Availability a = provider.check(f.settings());
            assertThat(a.isAvailable()).isFalse();
            assertThat(a.detail()).contains("Chaos Mesh is not installed in context 'test'");
            f.cluster.installCrds("networkchaos");
            assertThat(provider.check(f.settings()).detail())
                    .contains("lacks the CRD(s)")
                    .contains("podchaos.chaos-mesh.org");
        }
    }

    @Test
    void anExpiredTokenIsSaidPlainlyAndNotShown() throws Exception {
        try (ChaosMeshFixture f = new ChaosMeshFixture(dir, true)) {
            Path expired = f.cluster.kubeconfig(dir, "stale", MockCluster.EXPIRED_TOKEN);
            Availability a = provider.check(ChaosMeshFixture.settings(expired, "stale"));
            assertThat(a.isAvailable()).isFalse();
            assertThat(a.detail())
                    .contains("401")
                    .contains("token is expired or revoked")
                    .doesNotContain(MockCluster.EXPIRED_TOKEN);
        }
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheRequestTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (!silent.isClosed()) {
                                held.add(silent.accept());
                            }
                        } catch (java.io.IOException ignored) {
                            // closed
                        }
                    },
                    "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
            Path kc = MockCluster.writeKubeconfig(dir, "slow", "http://127.0.0.1:" + silent.getLocalPort(), "t");
            long t0 = System.nanoTime();
            Availability a = provider.check(ChaosMeshFixture.settings(kc, "slow", "requestTimeout", "500ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(a.isAvailable()).isFalse();
            assertThat(a.detail()).contains("did not answer within 500 ms");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        assertThat(Files.exists(dir)).isTrue();
    }
}
