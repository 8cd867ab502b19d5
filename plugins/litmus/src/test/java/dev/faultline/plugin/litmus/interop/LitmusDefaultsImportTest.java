package dev.faultline.plugin.litmus.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.Imported;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ChaosEngine's experiment env falls back to the defaults of its ChaosExperiment when the import
 * holds that definition (in the same file, or another file of the same import), as Litmus' chaos
 * runner merges the engine's env over the definition's; the notes say which value came from where,
 * and which defaults were assumed when the definition is absent.
 */
class LitmusDefaultsImportTest {
    private final LitmusImporter importer = new LitmusImporter();

    private static List<String> notes(Imported in) {
        return in.notes().stream().map(ConversionNote::toString).toList();
    }

    @Test
    void aDefinitionInTheSameFileGivesTheDefaultsTheEngineLeavesOut() throws Exception {
        Imported in = importer.read(LitmusImporterTest.resource("defaults/cart-hog.yaml"));
        List<FaultStep> steps = in.experiments().getFirst().faultSteps();
        FaultStep cpu = steps.get(0);
        assertThat(cpu.fault()).isEqualTo(new StressFault.CpuStress(3, 80));
        assertThat(cpu.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(notes(in))
                .contains("ChaosEngine cart-hog experiment pod-cpu-hog env: from the engine: CPU_LOAD=80;"
                        + " from the defaults of ChaosExperiment pod-cpu-hog (this file): CPU_CORES=3,"
                        + " TOTAL_CHAOS_DURATION=30; empty or unset in both, the experiment's own default:"
                        + " PODS_AFFECTED_PERC=0")
                .contains("ChaosEngine cart-hog experiment pod-cpu-hog env: left out, defaults of ChaosExperiment"
                        + " pod-cpu-hog (this file) Faultline's fault has no equivalent of: LIB=litmus");
        // the memory hog has no definition in the file: the hub's defaults, said by name and value
        FaultStep memory = steps.get(1);
        assertThat(memory.fault()).isEqualTo(new StressFault.MemoryStress(500L * 1_000_000));
        assertThat(memory.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(notes(in))
                .contains("ChaosEngine cart-hog experiment pod-memory-hog env: from the engine:"
                        + " TOTAL_CHAOS_DURATION=20; no ChaosExperiment pod-memory-hog among the files imported, so"
                        + " the hub's defaults were assumed: MEMORY_CONSUMPTION=500, PODS_AFFECTED_PERC=0 (the"
                        + " cluster's ChaosExperiment decides; import it with the engine, in the same file or"
                        + " folder, to take its own)");
    }

    @Test
    void aDefinitionInAnotherFileOfTheImportGivesItsDefaultsAndAnEmptyEngineValueLeavesTheExperimentsOwn()
            throws Exception {
        ForeignFile engine = LitmusImporterTest.resource("defaults/checkout-engine.yaml");
        ForeignFile definition = LitmusImporterTest.resource("defaults/checkout-experiment.yaml");
        Imported in = importer.read(engine, List.of(definition));
        FaultStep latency = in.experiments().getFirst().faultSteps().getFirst();
        // NETWORK_LATENCY and TOTAL_CHAOS_DURATION from the definition; JITTER '' in the engine overrides
        // the definition's 40 with empty, so the experiment's own default (0) applies, as in Litmus
        assertThat(latency.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(750), Duration.ZERO));
        assertThat(latency.duration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(latency.share()).isEqualTo(0.25);
        assertThat(notes(in))
                .contains("ChaosEngine checkout-latency experiment pod-network-latency env: from the engine:"
                        + " PODS_AFFECTED_PERC=25; from the defaults of ChaosExperiment pod-network-latency"
                        + " (defaults/checkout-experiment.yaml): NETWORK_LATENCY=750, TOTAL_CHAOS_DURATION=120; empty or"
                        + " unset in both, the experiment's own default: JITTER=0")
                .anySatisfy(n -> assertThat(n)
                        .startsWith(
                                "ChaosEngine checkout-latency experiment pod-network-latency env: left out,"
                                        + " defaults of ChaosExperiment pod-network-latency (defaults/checkout-experiment.yaml)")
                        .endsWith("no equivalent of: NETWORK_INTERFACE=eth1, SEQUENCE=parallel"));

        // the same engine alone: the hub's defaults, assumed and said
        Imported alone = importer.read(engine);
        FaultStep hub = alone.experiments().getFirst().faultSteps().getFirst();
        assertThat(hub.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(2000), Duration.ZERO));
        assertThat(hub.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(notes(alone))
                .anySatisfy(n -> assertThat(n)
                        .contains("no ChaosExperiment pod-network-latency among the files imported, so the hub's"
                                + " defaults were assumed: NETWORK_LATENCY=2000, JITTER=0, TOTAL_CHAOS_DURATION=60"));
    }
}
