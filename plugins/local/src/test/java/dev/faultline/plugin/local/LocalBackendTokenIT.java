package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.OrphanRecovery;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.testkit.TestRig;
import dev.faultline.plugin.local.proxy.ApiToken;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend against a chaos proxy started with a token ({@code faultline proxy --token-file}):
 * the {@code proxyApiToken} reference is sent on every call, including a revert made after a crash
 * from the journaled settings alone, and never shows in errors, descriptions or the journal.
 */
class LocalBackendTokenIT {
    private static final String TOKEN = "4f1c2d9e8b7a60513f2e1d0c9b8a7f6e";

    @TempDir
    Path dir;

    private Path tokenFile;
    private EchoServer echo;
    private ChaosProxyServer proxy;
    private int listenPort;

    @BeforeEach
    void start() throws Exception {
        tokenFile = dir.resolve("proxy-token");
        Files.writeString(tokenFile, TOKEN + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        echo = new EchoServer();
        try (ServerSocket free = new ServerSocket(0)) {
            listenPort = free.getLocalPort();
        }
        proxy = ChaosProxyServer.start(
                "127.0.0.1",
                0,
                List.of(new ProxyConfig("payments", "127.0.0.1:" + listenPort, "127.0.0.1:" + echo.port(), true)),
                ApiToken.readFile(tokenFile));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        echo.close();
    }

    private BackendSettings withToken() {
        return new BackendSettings(
                "local", Params.of("proxyApi", proxy.apiUrl(), "proxyApiToken", "file:" + tokenFile));
    }

    private static FaultRequest latency() {
        return FaultRequest.atShare(
                "run1",
                "slow",
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", "payments")),
                1.0,
                Duration.ofSeconds(30));
    }

    private boolean slowed() throws Exception {
        return EchoServer.fastestRoundTripMillis(listenPort, 3) >= 250;
    }

    @Test
    void aLatencyFaultIsInjectedAndRevertedThroughATokenProtectedProxy() throws Exception {
        try (FaultBackend backend = new LocalBackendProvider().create(withToken())) {
            FaultHandle h = backend.prepare(latency());
            backend.inject(latency(), h);
            assertThat(slowed()).as("latency present").isTrue();
            backend.revert(h);
            assertThat(slowed()).as("latency gone").isFalse();
            assertThat(h.toString() + h.description() + h.data() + backend).doesNotContain(TOKEN);
        }
    }

    @Test
    void withoutTheSettingTheRefusalIsOneLineNamingProxyApiToken() throws Exception {
        try (FaultBackend backend = new LocalBackendProvider()
                .create(new BackendSettings("local", Params.of("proxyApi", proxy.apiUrl())))) {
            FaultHandle h = backend.prepare(latency());
            assertThatThrownBy(() -> backend.inject(latency(), h))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining(
                            "the chaos proxy API at " + proxy.apiUrl() + " wants a token: set proxyApiToken")
                    .message()
                    .doesNotContain("\n");
        }
        assertThat(slowed()).isFalse();
    }

    @Test
    void aWrongTokenIsRefusedWithoutShowingEitherToken() throws Exception {
        Path wrong = dir.resolve("wrong-token");
        Files.writeString(wrong, "ffffffffffffffffffffffffffffffff\n", StandardCharsets.UTF_8);
        try (FaultBackend backend = new LocalBackendProvider()
                .create(new BackendSettings(
                        "local", Params.of("proxyApi", proxy.apiUrl(), "proxyApiToken", "file:" + wrong)))) {
            FaultHandle h = backend.prepare(latency());
            assertThatThrownBy(() -> backend.inject(latency(), h))
                    .hasMessageContaining("refused the proxyApiToken file:" + wrong)
                    .message()
                    .doesNotContain("ffffffffffffffff")
                    .doesNotContain(TOKEN)
                    .doesNotContain("\n");
        }
    }

    @Test
    void aRevertAfterACrashUsesTheJournaledSettingsAlone() throws Exception {
        try (TestRig rig = new TestRig(dir.resolve("home"), List.of(new LocalBackendProvider()), List.of())) {
            try (FaultBackend crashed = new LocalBackendProvider().create(withToken())) {
                FaultHandle h = crashed.prepare(latency());
                rig.journal.recordIntent("run1", "slow", withToken(), h);
                crashed.inject(latency(), h);
            }
            assertThat(slowed()).as("latency left behind").isTrue();
            assertThat(Files.readString(rig.journal.file()))
                    .contains("file:" + tokenFile)
                    .doesNotContain(TOKEN);

            List<JournalEntry> left =
                    new FaultJournal(rig.journal.file(), ProcessOwner.current(), Clock.systemUTC()).openFaults();
            List<RevertOutcome> outcomes =
                    new OrphanRecovery(rig.journal, rig.plugins, rig.reverter, Clock.systemUTC()).revert(left);

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.reverted()).as(o.detail()).isTrue();
                assertThat(o.confirmed()).as(o.detail()).isTrue();
            });
            assertThat(slowed()).as("latency reverted from the journal").isFalse();
            assertThat(rig.journal.openFaults()).isEmpty();
        }
    }

    @Test
    void theManualCleanupCarriesTheTokenReferenceNotTheToken() throws Exception {
        try (FaultBackend backend = new LocalBackendProvider().create(withToken())) {
            String cleanup = backend.manualCleanup(backend.prepare(latency()));
            assertThat(cleanup)
                    .startsWith("curl -H \"Authorization: Bearer $(cat " + tokenFile + ")\" -X DELETE ")
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void theCheckSaysWhenTheProxyWantsATokenAndAnswersWithIt() {
        LocalBackendProvider provider = new LocalBackendProvider();
        String without = provider.check(new BackendSettings("local", Params.of("proxyApi", proxy.apiUrl())))
                .detail();
        assertThat(without)
                .contains("network and HTTP faults NOT ready: the chaos proxy API at " + proxy.apiUrl()
                        + " wants a token: set proxyApiToken");
        String with = provider.check(withToken()).detail();
        assertThat(with)
                .contains("chaos proxy API at " + proxy.apiUrl() + " answers (version")
                .doesNotContain(TOKEN);
    }
}
