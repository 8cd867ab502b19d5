package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration values read from environment variables ({@code type: env}) as chaostoolkit-lib's
 * {@code load_configuration} reads them: the variable when set, else the default, converted to
 * {@code env_var_type}; a value that cannot be converted is a located error.
 */
class EnvConfigurationImportTest {
    /** An experiment whose status tolerance, pause, toxic latency and command line use configuration. */
    private static String experiment(String configuration) {
        return """
                title: Checkout under a slow gateway
                description: Values from the environment.
                configuration:
                %s
                steady-state-hypothesis:
                  title: Checkout answers
                  probes:
                    - type: probe
                      name: checkout-answers
                      tolerance: ${ok_status}
                      provider: {type: http, url: "http://127.0.0.1:18080/health", timeout: 3}
                method:
                  - type: action
                    name: slow-payments
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: create_latency_toxic
                      arguments: {for_proxy: payments, toxic_name: slow, latency: "${latency_ms}", jitter: 0}
                    pauses: {after: "${slow_for}"}
                  - type: action
                    name: report
                    provider: {type: process, path: report, arguments: "--verbose=${verbose} --labels=${labels}"}
                """.formatted(configuration.indent(2).stripTrailing());
    }

    private static final String TYPED = """
            ok_status: {type: env, key: OK_STATUS, default: "200", env_var_type: int}
            latency_ms: {type: env, key: LATENCY_MS, default: "300", env_var_type: integer}
            slow_for: {type: env, key: SLOW_FOR, default: "2.5", env_var_type: float}
            verbose: {type: env, key: VERBOSE, default: "no", env_var_type: bool}
            labels: {type: env, key: LABELS, default: '{"team": "shop"}', env_var_type: json}
            """;

    private static Imported read(String text, Map<String, String> env) throws ImportException {
        return new ChaosToolkitImporter(env).read(new ForeignFile(Path.of("exp.yaml"), text));
    }

    private static Experiment only(Imported i) {
        return i.experiments().getFirst();
    }

    private static MethodStep step(Experiment e, String name) {
        return e.method().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static ImportException problem(String configuration, Map<String, String> env) {
        try {
            read(experiment(configuration), env);
        } catch (ImportException e) {
            return e;
        }
        throw new AssertionError("expected an ImportException");
    }

    @Test
    void defaultsAreConvertedToTheirEnvVarTypeWhenTheVariablesAreUnset() throws Exception {
        Imported i = read(experiment(TYPED), Map.of());
        Experiment e = only(i);

        assertThat(e.hypothesis().probe("checkout-answers").orElseThrow().expect())
                .isEqualTo(new Tolerance.Exact(200));
        MethodStep.FaultStep slow = (MethodStep.FaultStep) step(e, "slow-payments");
        assertThat(slow.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO, 0));
        assertThat(slow.duration()).isEqualTo(Duration.ofMillis(2500));
        assertThat(((CommandStep) step(e, "report")).command().argv())
                .containsExactly("sh", "-c", "report --verbose=False --labels={\"team\":\"shop\"}");
        assertThat(i.notes().stream().map(ConversionNote::toString))
                .contains("configuration ok_status: read from the environment variable OK_STATUS, which is not set at"
                        + " import time: its default '200' was written into the runbook (env_var_type int) in place of"
                        + " ${ok_status}; set OK_STATUS and import again to use another value");
        String yaml = new RunbookWriter().toYaml(e);
        assertThat(new RunbookLoader().parse(yaml, "exp.yaml").experiment()).isEqualTo(e);
    }

    @Test
    void aSetVariableWinsOverItsDefaultAsInChaosToolkit() throws Exception {
        Imported i = read(
                experiment(TYPED),
                Map.of("OK_STATUS", " 204\n", "SLOW_FOR", "1e1", "VERBOSE", "Yes", "LABELS", "[1, 2]"));
        Experiment e = only(i);

        assertThat(e.hypothesis().probe("checkout-answers").orElseThrow().expect())
                .isEqualTo(new Tolerance.Exact(204));
        assertThat(((MethodStep.FaultStep) step(e, "slow-payments")).duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(((CommandStep) step(e, "report")).command().argv())
                .containsExactly("sh", "-c", "report --verbose=True --labels=[1,2]");
        assertThat(i.notes().stream().map(ConversionNote::toString))
                .contains("configuration ok_status: read from the environment variable OK_STATUS, which is set at"
                        + " import time: its value was written into the runbook (env_var_type int) in place of"
                        + " ${ok_status} (Chaos Toolkit prefers it to the default '200'); Chaos Toolkit reads it at"
                        + " every run, Faultline read it once");
    }

    @Test
    void withoutEnvVarTypeAValueStaysAsItIsAsInChaosToolkit() throws Exception {
        String untyped = """
                ok_status: {type: env, key: OK_STATUS, default: "200"}
                latency_ms: {type: env, key: LATENCY_MS, default: 300}
                slow_for: 5
                verbose: {type: env, key: VERBOSE, default: false}
                labels: none
                """;
        Experiment e = only(read(experiment(untyped), Map.of("OK_STATUS", "201")));
        // a text from the environment stays a text: Chaos Toolkit compares the status with "201" and fails
        assertThat(e.hypothesis().probe("checkout-answers").orElseThrow().expect())
                .isNotEqualTo(new Tolerance.Exact(201));
        // a number given as the default stays a number
        assertThat(((MethodStep.FaultStep) step(e, "slow-payments")).fault())
                .isEqualTo(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO, 0));
    }

    @Test
    void aVariableThatIsNotItsTypeIsALocatedError() {
        ImportException x = problem(TYPED, Map.of("OK_STATUS", "two hundred"));
        assertThat(x.line()).isEqualTo(4);
        assertThat(x.field()).isEqualTo("configuration.ok_status");
        assertThat(x.getMessage())
                .isEqualTo("exp.yaml:4: configuration.ok_status: looks like Chaos Toolkit but the environment"
                        + " variable OK_STATUS ('two hundred') is not a whole number, as env_var_type int asks");

        assertThat(problem(TYPED, Map.of("OK_STATUS", "200.0")).getMessage())
                .contains("('200.0') is not a whole number");
        assertThat(problem(TYPED, Map.of("SLOW_FOR", "soon")).getMessage())
                .startsWith("exp.yaml:6: configuration.slow_for: looks like Chaos Toolkit but the environment"
                        + " variable SLOW_FOR ('soon') is not a number, as env_var_type float asks");
        assertThat(problem(TYPED, Map.of("LABELS", "{team: shop")).getMessage())
                .startsWith("exp.yaml:8: configuration.labels: looks like Chaos Toolkit but the environment"
                        + " variable LABELS ('{team: shop') is not JSON: ");
    }

    @Test
    void aDefaultThatIsNotItsTypeIsLocatedAtTheDefault() {
        String config = """
                ok_status:
                  type: env
                  key: OK_STATUS
                  default: ok
                  env_var_type: int
                """;
        ImportException x = problem(config, Map.of());
        assertThat(x.line()).isEqualTo(7);
        assertThat(x.field()).isEqualTo("configuration.ok_status.default");
        assertThat(x.getMessage()).contains("the default 'ok' is not a whole number");

        ImportException bool =
                problem(config.replace("default: ok", "default: 1").replace(": int", ": bool"), Map.of());
        assertThat(bool.field()).isEqualTo("configuration.ok_status.default");
        assertThat(bool.getMessage()).contains("the default '1' is not a text or true/false, so it cannot be a bool");
    }

    @Test
    void anEnvVarTypeChaosToolkitDoesNotKnowIsALocatedError() {
        ImportException x = problem("""
                ok_status:
                  type: env
                  key: OK_STATUS
                  default: "200"
                  env_var_type: Int
                """, Map.of());
        assertThat(x.line()).isEqualTo(8);
        assertThat(x.field()).isEqualTo("configuration.ok_status.env_var_type");
        assertThat(x.getMessage())
                .endsWith("env_var_type 'Int' is not a type Chaos Toolkit converts to: bool, str (string), int"
                        + " (integer), float (number), bytes or json, in lower case");
    }
}
