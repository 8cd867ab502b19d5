package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chaos Mesh {@code Schedule} through {@code faultline import}: printed as the {@code schedule add}
 * command by default, added with {@code --schedule} (refused for an unknown environment), and back
 * out with {@code faultline schedule export} into a manifest that imports as the same schedule.
 */
@ForkSandbox.Indifferent
class ScheduleImportCliIT {
    private static final String NL = System.lineSeparator();
    private static final String NIGHTLY = """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: Schedule
            metadata:
              name: nightly.payment-delay
              namespace: shop
            spec:
              schedule: "CRON_TZ=Europe/Berlin 30 2 * * 1-5"
              type: NetworkChaos
              historyLimit: 10
              concurrencyPolicy: Forbid
              startingDeadlineSeconds: 60
              networkChaos:
                action: delay
                mode: one
                selector:
                  namespaces: [shop]
                  labelSelectors: {app: payment}
                delay: {latency: 200ms}
                duration: 5m
            """;

    @TempDir
    Path dir;

    /** {@code shared/crds/<sub>} above the working directory, if this checkout has one. */
    private static java.util.Optional<Path> shared(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/crds").resolve(sub))) {
                return java.util.Optional.of(p.resolve("shared/crds").resolve(sub));
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    void everyUpstreamChaosMeshAndLitmusExampleImportsThroughTheCommandLineWithoutAnError() throws Exception {
        Path chaosMesh = shared("chaos-mesh/examples").orElse(null);
        Path litmus = shared("litmus/examples").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                chaosMesh != null && litmus != null, "no ../shared/crds next to this checkout");

        // --force: several upstream engines share a name (nginx-chaos), and each file is what is checked here
        Cli all = cli(
                "import",
                chaosMesh.toString(),
                litmus.toString(),
                "-o",
                dir.resolve("all").toString(),
                "--force");

        assertThat(all.exit()).as(all.err()).isEqualTo(0);
        assertThat(all.err()).doesNotContain("not a format Faultline imports").doesNotContain("looks like");
        assertThat(all.out())
                .contains("schedule schedule-pod-kill-example of schedule-pod-kill-example.yaml: '* * * * *' (UTC),"
                        + " missed: run-once;")
                .contains("nothing to import from " + litmus.resolve("pod-delete-experiment.yaml")
                        + " (a LitmusChaos ChaosExperiment): see the notes");
        try (var written = Files.list(dir.resolve("all"))) {
            for (Path runbook :
                    written.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Cli validate = cli("validate", runbook.toString());
                assertThat(validate.exit()).as(runbook + ": " + validate.err()).isEqualTo(0);
            }
        }
    }

    private Cli cli(String... args) {
        return Cli.run(dir.resolve("home"), args);
    }

    @Test
    void aScheduleIsPrintedAsTheCommandThatAddsItAndAddedWithDashDashSchedule() throws Exception {
        Path source = Files.writeString(dir.resolve("nightly.yaml"), NIGHTLY);
        Path out = dir.resolve("runbooks");
        Path runbook = out.resolve("nightly-payment-delay.yaml").toAbsolutePath();

        Cli printed = cli("import", source.toString(), "-o", out.toString());

        assertThat(printed.exit()).as(printed.err()).isEqualTo(0);
        String command = "faultline schedule add nightly-payment-delay " + runbook
                + " --cron \"30 2 * * 1-5\" --zone Europe/Berlin --missed skip";
        assertThat(printed.out())
                .contains("schedule nightly-payment-delay of nightly-payment-delay.yaml: '30 2 * * 1-5'"
                        + " (Europe/Berlin), missed: skip; check the runbook's environment and hypothesis, then: "
                        + command + NL);
        assertThat(printed.err()).contains("historyLimit").doesNotContain("one run of its");
        assertThat(cli("schedule", "list").out()).startsWith("no schedules");

        Cli refused = cli("import", source.toString(), "-o", out.toString(), "--force", "--schedule");
        assertThat(refused.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err())
                .contains("faultline: schedule nightly-payment-delay not added: the runbook's environment 'staging' is"
                        + " unknown")
                .contains("; set it right, then: " + command);

        Files.writeString(dir.resolve("home").resolve("environments.yaml"), """
                environments:
                  staging:
                    prometheus: {url: "http://127.0.0.1:9"}
                """);
        Cli added = cli("import", source.toString(), "-o", out.toString(), "--force", "--schedule");
        assertThat(added.exit()).as(added.err()).isEqualTo(0);
        assertThat(added.out())
                .contains("schedule 'nightly-payment-delay' added: nightly-payment-delay on '30 2 * * 1-5'"
                        + " (Europe/Berlin) in staging, missed: skip; next run ");
        Cli list = cli("schedule", "list");
        assertThat(list.out())
                .contains("nightly-payment-delay")
                .contains("30 2 * * 1-5")
                .contains("Europe/Berlin");

        Path manifest = dir.resolve("exported.yaml");
        Cli exported = cli("schedule", "export", "nightly-payment-delay", "-o", manifest.toString());
        assertThat(exported.exit()).as(exported.err()).isEqualTo(0);
        assertThat(Files.readString(manifest)).contains("CRON_TZ=Europe/Berlin 30 2 * * 1-5");
        Cli again =
                cli("import", manifest.toString(), "-o", dir.resolve("again").toString());
        assertThat(again.exit()).as(again.err()).isEqualTo(0);
        assertThat(again.out())
                .contains("schedule nightly-payment-delay of nightly-payment-delay.yaml: '30 2 * * 1-5'"
                        + " (Europe/Berlin), missed: skip;");
    }
}
