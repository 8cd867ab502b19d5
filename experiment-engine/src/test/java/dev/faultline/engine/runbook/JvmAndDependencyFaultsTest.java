package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jvm-* and dependency faults and the jvm target: read, checked, written and read back. */
class JvmAndDependencyFaultsTest {
    private static final String BASE = RunbookLoaderTest.GOOD
            .replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []")
            .replace("fault: {type: latency, latency: 300ms, jitter: 50ms}", "fault: FAULT");
    private static final String ON_JVM = BASE.replace("target: {proxy: payments}", "target: {jvm: {name: sandbox-db}}");
    private static final JvmFault.JvmMethod ACQUIRE = new JvmFault.JvmMethod("dev.shop.db.Pool", "acquire");

    private final RunbookLoader loader = new RunbookLoader();

    private MethodStep.FaultStep step(String text) throws Exception {
        return (MethodStep.FaultStep)
                loader.parse(text, "t.yaml").experiment().method().get(0);
    }

    private List<String> problems(String text) {
        try {
            loader.parse(text, "t.yaml");
        } catch (RunbookException e) {
            return e.problems().stream().map(RunbookProblem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void jvmFaultsReadWithTheirMethodAndAction() throws Exception {
        MethodStep.FaultStep s = step(ON_JVM.replace(
                "FAULT",
                "{type: jvm-exception, class: dev.shop.db.Pool, method: acquire,"
                        + " exception: java.sql.SQLTransientConnectionException, message: pool exhausted}"));
        assertThat(s.fault())
                .isEqualTo(new JvmFault.JvmException(
                        ACQUIRE, "java.sql.SQLTransientConnectionException", "pool exhausted"));
        assertThat(s.target()).isEqualTo(new Target("jvm", Params.of("name", "sandbox-db")));
        assertThat(step(ON_JVM.replace("FAULT", "{type: jvm-exception, class: dev.shop.db.Pool, method: acquire}"))
                        .fault())
                .isEqualTo(new JvmFault.JvmException(ACQUIRE, "java.lang.RuntimeException", "injected by Faultline"));
        assertThat(step(ON_JVM.replace(
                                "FAULT",
                                "{type: jvm-latency, class: dev.shop.db.Pool, method: acquire, latency: 250ms}"))
                        .fault())
                .isEqualTo(new JvmFault.JvmLatency(ACQUIRE, Duration.ofMillis(250)));
        assertThat(step(ON_JVM.replace(
                                "FAULT", "{type: jvm-return, class: dev.shop.db.Pool, method: acquire, value: 0}"))
                        .fault())
                .isEqualTo(new JvmFault.JvmReturn(ACQUIRE, "0"));
        assertThat(step(ON_JVM.replace(
                                "FAULT", "{type: jvm-return, class: dev.shop.db.Pool, method: acquire, value: null}"))
                        .fault())
                .isEqualTo(new JvmFault.JvmReturn(ACQUIRE, "null"));
        assertThat(step(ON_JVM.replace("{jvm: {name: sandbox-db}}", "{jvm: {pid: 42}}")
                                .replace("FAULT", "{type: jvm-return, class: a.B, method: c, value: false}"))
                        .target())
                .isEqualTo(new Target("jvm", Params.of("pid", "42")));
    }

    @Test
    void badJvmFaultsAreNamedWhereTheyAre() {
        assertThat(problems(ON_JVM.replace("FAULT", "{type: jvm-latency, method: acquire, latency: 1s}")))
                .anyMatch(p -> p.contains(
                        "spec.method[0].fault: a jvm-latency fault needs 'class' (fully qualified) and 'method'"));
        assertThat(problems(ON_JVM.replace("FAULT", "{type: jvm-exception, class: 'dev.shop..Pool', method: acquire}")))
                .anyMatch(p ->
                        p.contains("spec.method[0].fault.class: 'dev.shop..Pool' is not a fully qualified class name"));
        assertThat(problems(ON_JVM.replace("FAULT", "{type: jvm-return, class: a.B, method: c}")))
                .anyMatch(p -> p.contains("a jvm-return fault needs 'value'"));
        assertThat(problems(
                        ON_JVM.replace("FAULT", "{type: jvm-latency, class: a.B, method: c, latency: 1s, value: 3}")))
                .anyMatch(p ->
                        p.contains("'value' does not apply to a jvm-latency fault (it takes class, latency, method)"));
        assertThat(problems(ON_JVM.replace("{jvm: {name: sandbox-db}}", "{jvm: {name: a, pid: 4}}")
                        .replace("FAULT", "{type: jvm-latency, class: a.B, method: c, latency: 1s}")))
                .anyMatch(p -> p.contains("a jvm target is found by one of name, pid or pidFile, not several"));
    }

    @Test
    void dependencyFaultsReadInTheSeedsTerms() throws Exception {
        assertThat(step(BASE.replace("FAULT", "{type: dependency, mode: unavailable}"))
                        .fault())
                .isEqualTo(new DependencyFault(DependencyFault.Mode.UNAVAILABLE, Duration.ZERO));
        assertThat(step(BASE.replace("FAULT", "{type: dependency, mode: slow, latency: 400ms}"))
                        .fault())
                .isEqualTo(new DependencyFault(DependencyFault.Mode.SLOW, Duration.ofMillis(400)));
        assertThat(step(BASE.replace("FAULT", "{type: dependency, mode: intermittent}"))
                        .fault())
                .isEqualTo(new DependencyFault(DependencyFault.Mode.INTERMITTENT, Duration.ZERO));
        assertThat(problems(BASE.replace("FAULT", "{type: dependency, mode: slow}")))
                .anyMatch(p -> p.contains("spec.method[0].fault.latency: is required"));
        assertThat(problems(BASE.replace("FAULT", "{type: dependency, mode: corrupt, latency: 1s}")))
                .anyMatch(p -> p.contains("'latency' only applies to mode slow"));
        assertThat(problems(BASE.replace("FAULT", "{type: dependency, mode: flaky}")))
                .isNotEmpty();
    }

    @Test
    void everyNewFaultTypeRoundTrips() throws Exception {
        RunbookWriter writer = new RunbookWriter();
        for (String f : List.of(
                "{type: jvm-exception, class: dev.shop.db.Pool, method: acquire, exception: java.io.IOException, message: 'no: conn'}",
                "{type: jvm-latency, class: dev.shop.db.Pool, method: acquire, latency: 1500ms}",
                "{type: jvm-return, class: dev.shop.db.Pool, method: acquire, value: 'null'}",
                "{type: jvm-return, class: dev.shop.db.Pool, method: size, value: -1.5}",
                "{type: dependency, mode: unavailable}",
                "{type: dependency, mode: slow, latency: 2s}",
                "{type: dependency, mode: intermittent}",
                "{type: dependency, mode: corrupt}")) {
            String text = (f.contains("jvm") ? ON_JVM : BASE).replace("FAULT", f);
            Experiment e = loader.parse(text, "t.yaml").experiment();
            String yaml = writer.toYaml(e);
            assertThat(loader.parse(yaml, "written.yaml").experiment()).as(yaml).isEqualTo(e);
        }
    }
}
