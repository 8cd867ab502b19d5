package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults inside a real child JVM ({@link JvmTargetMain}), found by a word of its command line:
 * exceptions, latency and return values seen in the child, and its classes restored on revert.
 */
class LocalBackendJvmIT extends FaultBackendContract {
    private static final String WORK = JvmTargetMain.Work.class.getName();
    private final String marker = "faultline-jvm-test-" + UUID.randomUUID();
    private JvmChild child;

    @BeforeEach
    void start() throws Exception {
        child = new JvmChild(marker);
    }

    @AfterEach
    void stop() {
        child.close();
    }

    @Override
    protected BackendSettings settings() {
        return BackendSettings.empty("local");
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
    }

    private Target target() {
        return new Target("jvm", Params.of("name", marker));
    }

    private FaultRequest request(String step, Fault f, double share) {
        return FaultRequest.atShare("run1", step, f, target(), share, Duration.ofSeconds(30));
    }

    @Override
    protected FaultRequest request() {
        return request(
                "throw",
                new JvmFault.JvmException(
                        new JvmFault.JvmMethod(WORK, "compute"), "java.io.IOException", "disk on fire"),
                1.0);
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) throws Exception {
        return child.call("int").startsWith("ex java.io.IOException disk on fire");
    }

    @Test
    void everyOverloadThrowsTheExceptionAndOtherMethodsRunAsBefore() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultHandle h = b.prepare(request());
        b.inject(request(), h);
        assertThat(child.call("int")).startsWith("ex java.io.IOException disk on fire");
        assertThat(child.call("text")).startsWith("ex java.io.IOException disk on fire");
        assertThat(child.call("void")).startsWith("ex java.io.IOException disk on fire");
        assertThat(child.call("untouched")).startsWith("ok 7 ");
        assertThat(b.verifyGone(h).gone()).isFalse();

        b.revert(h);
        assertThat(child.call("int")).startsWith("ok 42 ");
        assertThat(child.call("text")).startsWith("ok abab ");
        assertThat(child.call("void")).startsWith("ok 1 ");
        var status = new JvmFaults(
                        new JvmAgentClient(), new ProcessFaults(new TargetGuard(false)), new TargetGuard(false))
                .status(child.pid(), h);
        assertThat(status).containsEntry("active", "false").containsEntry("instrumented", "false");
        assertThat(b.verifyGone(h).detail()).contains("runs its own code again");
    }

    @Test
    void onlyTheFirstInjectionIntoAJvmIsGivenTheFirstAttachsLimit() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        Duration usual = Duration.ofSeconds(5);
        FaultRequest ret = request("ret", new JvmFault.JvmReturn(new JvmFault.JvmMethod(WORK, "compute"), "-1"), 1);
        FaultHandle first = b.prepare(ret);
        assertThat(b.injectWithin(first, usual))
                .isEqualTo(JvmFaults.FIRST_ATTACH)
                .isGreaterThan(usual);
        assertThat(b.injectWithin(first, Duration.ofMinutes(1)))
                .as("never shorter than the run's own limit")
                .isEqualTo(Duration.ofMinutes(1));

        b.inject(ret, first);
        FaultHandle second = b.prepare(request());
        assertThat(b.injectWithin(second, usual))
                .as("the agent has answered: the usual limit")
                .isEqualTo(usual);
        b.revert(first);
        assertThat(b.injectWithin(
                        b.prepare(FaultRequest.atShare(
                                "run1",
                                "proxy",
                                new ProxyFault.Down(),
                                new Target("proxy", Params.of("name", "payments")),
                                1,
                                Duration.ofSeconds(30))),
                        usual))
                .as("not a JVM fault")
                .isEqualTo(usual);
    }

    @Test
    void latencyDelaysEveryCallUntilReverted() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultRequest slow = request(
                "slow", new JvmFault.JvmLatency(new JvmFault.JvmMethod(WORK, "compute"), Duration.ofMillis(300)), 1);
        FaultHandle h = b.prepare(slow);
        b.inject(slow, h);
        String answer = child.call("int");
        assertThat(answer).startsWith("ok 42 ");
        assertThat(Long.parseLong(answer.split(" ")[2])).isBetween(295L, 2000L);
        b.revert(h);
        assertThat(Long.parseLong(child.call("int").split(" ")[2])).isLessThan(100L);
    }

    @Test
    void returnValuesReplaceTheMethodAndSeveralFaultsRevertOneByOne() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultRequest ret = request("ret", new JvmFault.JvmReturn(new JvmFault.JvmMethod(WORK, "compute"), "-1"), 1);
        FaultRequest slow = request(
                "slow", new JvmFault.JvmLatency(new JvmFault.JvmMethod(WORK, "compute"), Duration.ofMillis(200)), 1);
        FaultHandle hr = b.prepare(ret);
        FaultHandle hs = b.prepare(slow);
        b.inject(ret, hr);
        b.inject(slow, hs);
        String both = child.call("int");
        assertThat(both).startsWith("ok -1 ");
        assertThat(Long.parseLong(both.split(" ")[2])).isGreaterThanOrEqualTo(195L);
        assertThat(child.call("text"))
                .as("'-1' as text for the String overload")
                .startsWith("ok -1 ");
        assertThat(child.call("void")).as("the void overload is skipped").startsWith("ok 0 ");

        b.revert(hr);
        String slowOnly = child.call("int");
        assertThat(slowOnly).startsWith("ok 42 ");
        assertThat(Long.parseLong(slowOnly.split(" ")[2])).isGreaterThanOrEqualTo(195L);
        assertThat(b.verifyGone(hr).gone())
                .as("the class still carries the other fault's advice")
                .isFalse();
        b.revert(hs);
        assertThat(b.verifyGone(hs).gone()).isTrue();
        assertThat(b.verifyGone(hr).gone()).isTrue();
    }

    @Test
    void aShareOfTheCallsFails() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultRequest some = request(
                "some",
                new JvmFault.JvmException(
                        new JvmFault.JvmMethod(WORK, "compute"), "java.lang.IllegalStateException", "pool exhausted"),
                0.3);
        FaultHandle h = b.prepare(some);
        b.inject(some, h);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += child.call("int").startsWith("ex ") ? 1 : 0;
        }
        b.revert(h);
        assertThat(failed).isBetween(30, 95); // 60 expected; far outside only with odds below one in a million
    }

    @Test
    void badFaultsAreRefusedWithTheReason() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultRequest noClass = request(
                "x", new JvmFault.JvmLatency(new JvmFault.JvmMethod("no.such.Type", "m"), Duration.ofMillis(5)), 1);
        assertThatThrownBy(() -> b.inject(noClass, b.prepare(noClass)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("no class no.such.Type is loaded");
        FaultRequest noMethod =
                request("y", new JvmFault.JvmLatency(new JvmFault.JvmMethod(WORK, "nothing"), Duration.ofMillis(5)), 1);
        assertThatThrownBy(() -> b.inject(noMethod, b.prepare(noMethod)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("has no method named nothing");
        FaultRequest badValue =
                request("z", new JvmFault.JvmReturn(new JvmFault.JvmMethod(WORK, "compute"), "lots"), 1);
        assertThatThrownBy(() -> b.inject(badValue, b.prepare(badValue)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> b.findTarget(new Target("jvm", Params.of("name", "no-such-jvm-" + marker))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("no running JVM has");
        assertThat(child.call("int")).startsWith("ok 42 ");
        assertThat(b.findTarget(target())).startsWith("JVM pid " + child.pid());
    }
}
