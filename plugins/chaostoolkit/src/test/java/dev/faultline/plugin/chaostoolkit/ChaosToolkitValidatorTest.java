package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test-side validator refuses what chaostoolkit-lib's {@code ensure_experiment_is_valid} refuses
 * (each rule once, from an experiment that is valid but for that rule), and accepts what it accepts:
 * otherwise "every export passes it" would prove nothing.
 */
class ChaosToolkitValidatorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String VALID = """
            {"title": "t", "description": "d", "tags": ["a"],
             "extensions": [{"name": "faultline"}],
             "configuration": {"base": "http://x", "port": {"type": "env", "key": "SHOP_PORT", "default": "80"}},
             "secrets": {"k8s": {"token": {"type": "env", "key": "SHOP_TOKEN"}, "plain": "p"}},
             "controls": [{"name": "tracing", "provider": {"type": "python", "module": "chaostracing.control"}}],
             "steady-state-hypothesis": {"title": "h", "probes": [
               {"type": "probe", "name": "up", "tolerance": 200,
                "provider": {"type": "http", "url": "http://x", "headers": {"a": "b"}, "timeout": [1, 2]}},
               {"type": "probe", "name": "prom", "tolerance": {"type": "jsonpath", "path": "$.data.result[0].value[1]", "expect": "1"},
                "provider": {"type": "python", "module": "chaosprometheus.probes", "func": "query", "arguments": {"query": "up"}}},
               {"ref": "up", "tolerance": [200, 201]}]},
             "method": [
               {"type": "action", "name": "slow", "background": true, "pauses": {"before": 1, "after": "${wait}"},
                "provider": {"type": "python", "module": "chaostoxi.toxic.actions", "func": "create_toxic",
                  "arguments": {"for_proxy": "p", "toxic_name": "slow", "toxic_type": "latency", "toxicity": 0.5,
                                "attributes": {"latency": 100}}},
                "controls": [{"name": "timing", "scope": "after", "provider": {"type": "python", "module": "chaosaddons.controls.timing"}}]},
               {"type": "probe", "name": "sh", "provider": {"type": "process", "path": "sh", "arguments": ["-c", "true"]}},
               {"ref": "up"}],
             "rollbacks": [{"type": "action", "name": "fast",
               "provider": {"type": "python", "module": "chaostoxi.toxic.actions", "func": "delete_toxic",
                 "arguments": {"for_proxy": "p", "toxic_name": "slow"}}}]}
            """;

    private static final Map<String, String> ENV = Map.of("SHOP_TOKEN", "x", "PATH", System.getenv("PATH"));

    private static List<String> check(String json, Map<String, String> env) {
        JsonNode tree = JSON.readTree(json);
        return ChaosToolkitValidator.check(tree, env);
    }

    /** {@link #VALID} with {@code from} replaced by {@code to} (which must be there). */
    private static List<String> broken(String from, String to) {
        assertThat(VALID).contains(from);
        return check(VALID.replace(from, to), ENV);
    }

    @Test
    void aValidExperimentOfEveryShapeWeWritePasses() {
        assertThat(check(VALID, ENV)).isEmpty();
    }

    @Test
    void aHypothesisProbeByReferenceStillNeedsItsTolerance() {
        assertThat(broken("{\"ref\": \"up\", \"tolerance\": [200, 201]}", "{\"ref\": \"up\"}"))
                .containsExactly("hypothesis probe must have a tolerance entry");
    }

    @Test
    void aMethodReferenceFindsOnlyMethodAndHypothesisActivitiesNotRollbacks() {
        assertThat(broken("{\"ref\": \"up\"}]", "{\"ref\": \"fast\"}]"))
                .containsExactly("referenced activity 'fast' could not be found in the experiment");
    }

    @Test
    void aPythonActivityIsBoundToTheSignatureOfTheExtensionFunction() {
        assertThat(broken("\"toxicity\": 0.5,", "\"toxicity\": 0.5, \"latency\": 100,"))
                .containsExactly("argument 'latency' is not part of the function signature in activity 'create_toxic'");
        assertThat(broken(
                        "\"arguments\": {\"for_proxy\": \"p\", \"toxic_name\": \"slow\"}",
                        "\"arguments\": {\"for_proxy\": \"p\"}"))
                .containsExactly("required argument 'toxic_name' is missing from activity 'delete_toxic'");
        assertThat(broken("\"func\": \"delete_toxic\"", "\"func\": \"delete_all_toxics\""))
                .containsExactly("The python module 'chaostoxi.toxic.actions' does not expose a function called"
                        + " 'delete_all_toxics' in action 'fast'");
        assertThat(broken("\"module\": \"chaosprometheus.probes\"", "\"module\": \"chaosgrafana.probes\""))
                .containsExactly("could not find Python module 'chaosgrafana.probes' in activity 'prom'");
    }

    @Test
    void providersControlsExtensionsAndTolerancesAreCheckedAsChaoslibChecksThem() {
        assertThat(broken("\"headers\": {\"a\": \"b\"}", "\"headers\": [\"a\"]"))
                .containsExactly("a HTTP activities expect headers as a mapping");
        assertThat(broken(
                        "{\"type\": \"probe\", \"name\": \"sh\", \"provider\": {\"type\": \"process\", \"path\": \"sh\", \"arguments\": [\"-c\", \"true\"]}}",
                        "{\"type\": \"probe\", \"name\": \"sh\"}"))
                .containsExactly("an activity requires a provider");
        assertThat(broken("\"path\": \"sh\"", "\"path\": \"no-such-program-here\""))
                .containsExactly("path 'no-such-program-here' cannot be found, in activity 'sh'");
        assertThat(broken("[{\"name\": \"faultline\"}]", "[{\"name\": \"  \"}]"))
                .containsExactly("All extensions require a non-empty name");
        // chaoslib's own message leaves its placeholder unfilled
        assertThat(broken("[{\"name\": \"timing\",", "[{\"ref\": \"metrics\"}, {\"name\": \"timing\","))
                .containsExactly("Control reference '{}' declaration cannot be found");
        assertThat(broken("\"scope\": \"after\"", "\"scope\": \"during\""))
                .containsExactly("Control 'timing' scope property must be 'before' or 'after' only");
        assertThat(broken("\"module\": \"chaosaddons.controls.timing\"", "\"func\": \"x\""))
                .containsExactly("Control 'timing' must have a module path");
        assertThat(broken("\"path\": \"$.data.result[0].value[1]\"", "\"path\": \"data.result[0]\""))
                .containsExactly("hypothesis probe tolerance JSON path data.result[0] is invalid");
        assertThat(broken("\"pauses\": {\"before\": 1, \"after\": \"${wait}\"}", "\"pauses\": {\"after\": \"10s\"}"))
                .containsExactly("activity after pause must be a number or a pattern to a variable from the"
                        + " configuration or secrets");
        assertThat(broken("\"tolerance\": 200,", "\"tolerance\": 0.5,"))
                .singleElement()
                .asString()
                .startsWith("hypothesis probe tolerance must either be an integer, a string, a boolean or a pair"
                        + " of values for boundaries");
    }

    @Test
    void environmentVariablesOfConfigurationWithoutDefaultAndOfSecretsMustBeSet() {
        assertThat(check(VALID, Map.of("PATH", System.getenv("PATH"))))
                .containsExactly("Secrets make reference to an environment key that does not exist: SHOP_TOKEN");
        assertThat(broken("\"key\": \"SHOP_PORT\", \"default\": \"80\"", "\"key\": \"SHOP_PORT\""))
                .containsExactly("Configuration makes reference to an environment key that does not exist: SHOP_PORT");
    }

    @Test
    void aConfigurationValueMustConvertToItsEnvVarType() {
        String port = "\"key\": \"SHOP_PORT\", \"default\": \"80\"";
        assertThat(broken(port, port + ", \"env_var_type\": \"int\"")).isEmpty();
        assertThat(broken(port, "\"key\": \"SHOP_PORT\", \"default\": \"eighty\", \"env_var_type\": \"int\""))
                .containsExactly("invalid literal for int() with base 10: 'eighty'");
        assertThat(broken(port, "\"key\": \"SHOP_PORT\", \"default\": \"1.5x\", \"env_var_type\": \"float\""))
                .containsExactly("could not convert string to float: '1.5x'");
        assertThat(broken(port, port + ", \"env_var_type\": \"long\""))
                .containsExactly("variable type can only be: bool, str, int, float, bytes or json");
        // the variable, when set, is what is converted, not the default
        Map<String, String> env = new HashMap<>(ENV);
        env.put("SHOP_PORT", "http");
        assertThat(check(VALID.replace(port, port + ", \"env_var_type\": \"int\""), env))
                .containsExactly("invalid literal for int() with base 10: 'http'");
    }
}
