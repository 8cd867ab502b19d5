package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every duration, size and rate of a runbook has a documented range (docs/runbook-reference.md,
 * "Ranges"): its boundary loads and writes back unchanged, one step over is refused at the field,
 * and numbers too big for a long are out of range, never wrapped.
 */
class RunbookRangesTest {
    private final RunbookLoader loader = new RunbookLoader();
    private final RunbookWriter writer = new RunbookWriter();

    /** One step ({@code STEP}, indented as a method item's fields) in an otherwise fixed runbook. */
    private static String runbook(String step) {
        return """
                apiVersion: faultline.dev/v1
                kind: Experiment
                metadata:
                  name: ranges
                spec:
                  environment: sandbox
                  hypothesis:
                    probes:
                      - name: health
                        expect: "< 500ms"
                        http: {url: http://127.0.0.1:18080/health}
                  method:
                    - name: one
                STEP
                  blastRadius: {maxDuration: 24h}
                """.replace("STEP", step.indent(6).stripTrailing());
    }

    private static String fault(String target, String fault) {
        return "duration: 10s\ntarget: " + target + "\nfault: " + fault;
    }

    private List<RunbookProblem> problems(String text) {
        try {
            loader.parse(text, "r.yaml");
        } catch (RunbookException e) {
            return e.problems();
        }
        throw new AssertionError("expected a refusal of\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            latency 1h                 | {proxy: p}   | {type: latency, latency: 1h}
            latency 0.5ms              | {proxy: p}   | {type: latency, latency: 0.5ms}
            jitter 1h                  | {proxy: p}   | {type: latency, latency: 1s, jitter: 3600s}
            slow-close 1h              | {proxy: p}   | {type: slow-close, delay: 60m}
            slicer delay 1h            | {proxy: p}   | {type: slicer, averageSize: 1099511627776, sizeVariation: 1099511627775, delay: 1h}
            http delay 1h              | {httpProxy: p} | {type: http, delay: 1h}
            timeout after 24h          | {proxy: p}   | {type: timeout, after: 24h}
            reset-peer after 24h       | {proxy: p}   | {type: reset-peer, after: 23h60m}
            bandwidth 10GB/s           | {proxy: p}   | {type: bandwidth, rate: 10000000}
            limit-data 1TiB            | {proxy: p}   | {type: limit-data, bytes: 1099511627776}
            memory 1TiB at 10GB/s      | {process: {name: p}} | {type: memory-stress, size: 1TiB, growth: 10GB/s}
            disk fill 1TiB at 10GB/s   | {process: {name: p}} | {type: disk-stress, size: 1099511627776, io: fill, throughput: 10000MB/s}
            jvm-latency 1h             | {jvm: p}     | {type: jvm-latency, class: a.B, method: c, latency: 1h}
            dependency slow 1h         | {proxy: p}   | {type: dependency, mode: slow, latency: 1h}
            pod-kill grace 24h         | {pods: {labels: {app: p}}} | {type: pod-kill, gracePeriod: 24h}
            io-latency 1h              | {pods: {labels: {app: p}}} | {type: io-latency, delay: 1h, volumePath: /data}
            time-shift +8760h          | {pods: {labels: {app: p}}} | {type: time-shift, offset: 8760h}
            time-shift -8760h          | {pods: {labels: {app: p}}} | {type: time-shift, offset: -8760h}
            """)
    void eachBoundaryLoadsAndWritesBackUnchanged(String what, String target, String fault) throws Exception {
        Experiment e = loader.parse(runbook(fault(target, fault)), "r.yaml").experiment();
        String yaml = writer.toYaml(e);
        assertThat(loader.parse(yaml, "written.yaml").experiment()).as(yaml).isEqualTo(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            step duration 24h | duration: 24h\\ntarget: {proxy: p}\\nfault: {type: down}
            wait 24h          | wait: 24h
            waitUntil 24h     | waitUntil: {probe: health, timeout: 24h}
            at 23h            | at: 23h\\nwait: 1h
            """)
    void stepBoundariesLoadAndWriteBackUnchanged(String what, String step) throws Exception {
        Experiment e =
                loader.parse(runbook(step.replace("\\n", "\n")), "r.yaml").experiment();
        String yaml = writer.toYaml(e);
        assertThat(loader.parse(yaml, "written.yaml").experiment()).as(yaml).isEqualTo(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            latency over 1h          | {proxy: p} | {type: latency, latency: 3601s}                 | fault.latency  | latency 3601s is out of range: at most 1h
            latency overflow         | {proxy: p} | {type: latency, latency: 99999999999h}          | fault.latency  | latency 99999999999h is out of range: at most 1h
            jitter Long.MAX          | {proxy: p} | {type: latency, latency: 1s, jitter: 9223372036854775807ms} | fault.jitter | jitter 9223372036854775807ms is out of range: at most 1h
            jitter beyond a long     | {proxy: p} | {type: latency, latency: 1s, jitter: 99999999999999999999999999999ms} | fault.jitter | jitter 99999999999999999999999999999ms is out of range: at most 1h
            slow-close over 1h       | {proxy: p} | {type: slow-close, delay: 1h1ms}                | fault.delay    | delay 1h1ms is out of range: at most 1h
            timeout over 24h         | {proxy: p} | {type: timeout, after: 24h1s}                   | fault.after    | after 24h1s is out of range: at most 24h
            memory over 1TiB         | {process: {name: p}} | {type: memory-stress, size: 1025GiB}  | fault.size     | size 1025GiB is out of range: at most 1TiB
            memory size overflow     | {process: {name: p}} | {type: memory-stress, size: 99999999999999999999GB} | fault.size | size 99999999999999999999GB is out of range: at most 1TiB
            disk growth over 10GB/s  | {process: {name: p}} | {type: disk-stress, size: 1GB, throughput: 10001MB/s} | fault.throughput | throughput 10001MB/s is out of range: at most 10GB/s
            memory growth overflow   | {process: {name: p}} | {type: memory-stress, size: 1GB, growth: 1e300GB/s} | fault.growth | '1e300GB/s' is not a rate, e.g. 64MB/s
            pod-kill grace over 24h  | {pods: {labels: {app: p}}} | {type: pod-kill, gracePeriod: 25h} | fault.gracePeriod | gracePeriod 25h is out of range: at most 24h
            time-shift over a year   | {pods: {labels: {app: p}}} | {type: time-shift, offset: -8761h} | fault.offset | offset -8761h is out of range: at most 8760h either way
            jvm-latency overflow     | {jvm: p}   | {type: jvm-latency, class: a.B, method: c, latency: 9999999999999999h} | fault.latency | latency 9999999999999999h is out of range: at most 1h
            dependency over 1h       | {proxy: p} | {type: dependency, mode: slow, latency: 2h}     | fault.latency  | latency 2h is out of range: at most 1h
            """)
    void oneStepOverIsRefusedAtTheField(String what, String target, String fault, String field, String message) {
        List<RunbookProblem> p = problems(runbook(fault(target, fault)));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).as(x.toString()).isEqualTo("spec.method[0]." + field);
            assertThat(x.message()).isEqualTo(message);
            assertThat(x.line()).isEqualTo(16);
            assertThat(x.column()).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bandwidth over 10GB/s | {type: bandwidth, rate: 10000001}                 | spec.method[0].fault.rate
            bandwidth overflow    | {type: bandwidth, rate: 99999999999999999999999} | spec.method[0].fault.rate
            limit-data over 1TiB  | {type: limit-data, bytes: 1099511627777}         | spec.method[0].fault.bytes
            slicer overflow       | {type: slicer, averageSize: 9223372036854775808}  | spec.method[0].fault.averageSize
            """)
    void wholeNumbersOverTheirRangeAreRefusedByTheSchema(String what, String fault, String field) {
        List<RunbookProblem> p = problems(runbook(fault("{proxy: p}", fault)));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).as(x.toString()).isEqualTo(field);
            assertThat(x.message()).startsWith("must be at most");
            assertThat(x.line()).isEqualTo(16);
        });
    }

    /** Found by the fuzz run: the schema validator turned such numbers into longs and threw. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            float beyond a long   | {type: bandwidth, rate: 999999999999999922337E9}  | spec.method[0].fault.rate        | must be at most 10000000, not 999999999999999922337000000000
            negative float        | {type: bandwidth, rate: -1e30}                    | spec.method[0].fault.rate        | must be at least 1, not -1000000000000000000000000000000
            float sizes too       | {type: slicer, averageSize: 1.5e19}               | spec.method[0].fault.averageSize | must be at most 1099511627776, not 15000000000000000000
            """)
    void floatsBeyondALongAreRefusedNotCrashed(String what, String fault, String field, String message) {
        List<RunbookProblem> p = problems(runbook(fault("{proxy: p}", fault)));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).as(x.toString()).isEqualTo(field);
            assertThat(x.message()).isEqualTo(message);
            assertThat(x.line()).isEqualTo(16);
        });
    }

    @org.junit.jupiter.api.Test
    void infinityIsNotANumberARunbookTakes() {
        assertThat(problems(runbook(fault("{proxy: p}", "{type: limit-data, bytes: .inf}"))))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(16);
                    assertThat(x.message()).startsWith("not valid YAML: Malformed numeric value '.inf");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            step over 24h        | duration: 24h1s\\ntarget: {proxy: p}\\nfault: {type: down} | spec.method[0].duration | duration 24h1s is out of range: at most 24h
            wait overflow        | wait: 153722867280912930h                                | spec.method[0].wait     | wait 153722867280912930h is out of range: at most 24h
            waitUntil over 24h   | waitUntil: {probe: health, timeout: 1441m}               | spec.method[0].waitUntil.timeout | timeout 1441m is out of range: at most 24h
            """)
    void stepsOverTheirRangeAreRefusedAtTheField(String what, String step, String field, String message) {
        List<RunbookProblem> p = problems(runbook(step.replace("\\n", "\n")));
        assertThat(p)
                .extracting(RunbookProblem::field, RunbookProblem::message)
                .contains(org.assertj.core.groups.Tuple.tuple(field, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            warmup        | timing: {warmup: 25h}                  | spec.timing.warmup        | warmup 25h is out of range: at most 24h
            probeInterval | timing: {probeInterval: 2h}            | spec.timing.probeInterval | probeInterval 2h is out of range: at most 1h
            maxDuration   | blastRadius: {maxDuration: 999999999999999999999h} | spec.blastRadius.maxDuration | maxDuration 999999999999999999999h is out of range: at most 24h
            """)
    void experimentWideDurationsHaveRangesToo(String what, String yaml, String field, String message) {
        String text = runbook("wait: 1s").replace("  blastRadius: {maxDuration: 24h}", "  " + yaml);
        List<RunbookProblem> p = problems(text);
        assertThat(p)
                .extracting(RunbookProblem::field, RunbookProblem::message)
                .contains(org.assertj.core.groups.Tuple.tuple(field, message));
    }
}
