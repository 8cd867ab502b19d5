package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's run lease on real sockets of 127.0.0.1, on a port base of its own (38080: lease 38473). */
class SandboxLeaseTest {
    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    private SandboxOptions options(Path h) {
        return SandboxOptions.defaults(h).withPortBase(38080);
    }

    @Test
    void aSecondLeaseIsRefusedNamingTheHolderUntilTheFirstIsGivenBack() throws Exception {
        try (SandboxLease first = SandboxLease.acquire(options(home), "faultline run payment-latency-holds")) {
            first.describe("run 42 of payment-latency-holds");

            assertThatThrownBy(() -> SandboxLease.acquire(options(home), "faultline run payment-outage-halts"))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageStartingWith("the sandbox is in use by run 42 of payment-latency-holds (pid "
                            + ProcessHandle.current().pid() + ", started ")
                    .hasMessageEndingWith("): wait for it to end, or halt it with faultline halt");
            assertThatThrownBy(() -> SandboxLease.acquire(options(otherHome), "faultline run payment-outage-halts"))
                    .hasMessageContaining(
                            "(its FAULTLINE_HOME is " + home.toAbsolutePath().getParent() + ")");
        }
        SandboxLease.acquire(options(home), "the next run").close();
    }

    @Test
    void whoeverConnectsReadsOneLineNamingTheHolderAndIsNotReadFrom() throws Exception {
        try (SandboxLease lease = SandboxLease.acquire(options(home), "faultline gameday run first-gameday");
                Socket c = new Socket(
                        InetAddress.getLoopbackAddress(), options(home).leasePort())) {
            c.setSoTimeout(2_000);
            String line = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(line)
                    .startsWith("{\"kind\":\"faultline-sandbox-lease\",\"pid\":"
                            + ProcessHandle.current().pid())
                    .contains("\"what\":\"faultline gameday run first-gameday\"")
                    .endsWith("}\n");
        }
    }

    @Test
    void aProgramThatIsNotFaultlineOnTheLeasePortIsSaidToBeInTheWay() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), options(home).leasePort()));
            assertThatThrownBy(() -> SandboxLease.acquire(options(home), "faultline run x"))
                    .hasMessage("port 38473 of 127.0.0.1, which tells one Faultline run on the sandbox from another, is"
                            + " taken by a program that is not Faultline: stop it, then run again");
        }
    }
}
