package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** picocli reads only the subcommand named first; help and an unknown name still see all of them. */
class FaultlineCommandTest {
    @TempDir
    Path home;

    private static final List<String> NAMES = List.of(
            "validate",
            "import",
            "export",
            "run",
            "recover",
            "runs",
            "halt",
            "release",
            "sandbox",
            "proxy",
            "environments",
            "gameday",
            "note",
            "retro",
            "report",
            "notifications",
            "slack",
            "schedule",
            "scheduler",
            "store",
            "team");

    @Test
    void helpListsEverySubcommandInItsOrder() {
        Cli help = Cli.run(home, "--help");
        assertThat(help.exit()).isZero();
        List<String> listed = help.out()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0])
                .filter(NAMES::contains)
                .toList();
        assertThat(listed).containsExactlyElementsOf(NAMES);
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneReadAndAnUnknownOneGetsSuggestions() {
        assertThat(FaultlineCommand.subcommandsFor("report", "x")).containsExactly(ReportCommand.class);
        assertThat(FaultlineCommand.subcommandsFor("-h")).hasSize(NAMES.size());
        assertThat(FaultlineCommand.SUBCOMMANDS.stream()
                        .map(c -> c.getAnnotation(Command.class).name())
                        .toList())
                .containsExactlyElementsOf(NAMES);
        Cli typo = Cli.run(home, "valdate", "x.yaml");
        assertThat(typo.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(typo.err()).contains("Did you mean: faultline validate");
    }
}
