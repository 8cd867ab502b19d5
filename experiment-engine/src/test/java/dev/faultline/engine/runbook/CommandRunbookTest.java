package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRunbookTest {
    private static final String RUNBOOK = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata:
              name: commands
            spec:
              environment: sandbox
              hypothesis:
                probes:
                  - name: queue-empty
                    expect: "== 0"
                    command:
                      run: [redis-cli, llen, jobs]
                      timeout: 5s
                      value: stdout
                  - name: health-script
                    expect: "== 0"
                    command:
                      run: ./check-health.sh --quick
                      timeout: 10s
                      dir: /srv/shop
                      env: {LANG: C, RETRIES: 3}
              method:
                - name: load
                  command:
                    run: [hey, -z, 20s, "http://127.0.0.1:18080/order"]
                    timeout: 30s
                - name: flush
                  lane: 1
                  at: 5s
                  command: {run: "redis-cli flushall && echo done", timeout: 1m}
            """;

    private final RunbookLoader loader = new RunbookLoader();

    @Test
    void commandStepsAndProbesLoadIntoTheModel() throws Exception {
        Experiment e = loader.parse(RUNBOOK, "c.yaml").experiment();

        Probe queue = e.hypothesis().probes().get(0);
        assertThat(queue.type()).isEqualTo("command");
        assertThat(Command.fromParams(queue.params()))
                .isEqualTo(new Command(List.of("redis-cli", "llen", "jobs"), Duration.ofSeconds(5), null, Map.of()));
        assertThat(queue.params().get("value")).hasValue("stdout");
        Command health = Command.fromParams(e.hypothesis().probes().get(1).params());
        assertThat(health.argv()).containsExactly("sh", "-c", "./check-health.sh --quick");
        assertThat(health.directory()).isEqualTo("/srv/shop");
        assertThat(health.env()).containsEntry("LANG", "C").containsEntry("RETRIES", "3");

        assertThat(e.method()).hasSize(2).allMatch(CommandStep.class::isInstance);
        CommandStep load = (CommandStep) e.method().get(0);
        assertThat(load.command().argv()).containsExactly("hey", "-z", "20s", "http://127.0.0.1:18080/order");
        assertThat(load.plannedLength()).isEqualTo(Duration.ofSeconds(30));
        CommandStep flush = (CommandStep) e.method().get(1);
        assertThat(flush.lane()).isEqualTo(1);
        assertThat(flush.explicitStart()).hasValue(Duration.ofSeconds(5));
        assertThat(flush.command().shellLine()).isEqualTo("redis-cli flushall && echo done");
    }

    @Test
    void whatTheWriterWritesLoadsBackEqualAndPassesTheSchema() throws Exception {
        Experiment e = loader.parse(RUNBOOK, "c.yaml").experiment();
        String written = new RunbookWriter().toYaml(e);

        assertThat(written).contains("run: ./check-health.sh --quick").contains("value: stdout");
        assertThat(loader.parse(written, "written.yaml").experiment()).isEqualTo(e);
    }

    @Test
    void mistakesAreReportedAtTheirLineAndField() {
        List<RunbookProblem> p = problems(RUNBOOK.replace("      timeout: 30s\n", "      timeot: 30s\n"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(26);
            assertThat(x.field()).isEqualTo("spec.method[0].command.timeot");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.field()).isEqualTo("spec.method[0].command.timeout");
            assertThat(x.message()).contains("missing required field 'timeout'");
        });

        assertThat(problems(RUNBOOK.replace("value: stdout", "value: stderr")))
                .anySatisfy(x -> assertThat(x.message()).contains("'stderr' is not one of exit-code"));
        assertThat(problems(RUNBOOK.replace("run: [redis-cli, llen, jobs]", "run: []")))
                .anySatisfy(x -> {
                    assertThat(x.field()).isEqualTo("spec.hypothesis.probes[0].command.run");
                    assertThat(x.line()).isEqualTo(12);
                });
        assertThat(problems(RUNBOOK.replace("value: stdout", "value: stdout\n          port: 8")))
                .anySatisfy(x -> assertThat(x.field()).isEqualTo("spec.hypothesis.probes[0].command.port"));
    }

    private List<RunbookProblem> problems(String text) {
        try {
            loader.parse(text, "t.yaml");
        } catch (RunbookException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }
}
