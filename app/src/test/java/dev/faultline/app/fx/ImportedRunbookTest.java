package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.runbook.RunbookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Import's work: another tool's file written as a runbook the editor opens, with its notes. */
class ImportedRunbookTest {
    @TempDir
    Path dir;

    private final RunbookLoader loader = new RunbookLoader();

    @Test
    void aChaosToolkitFileBecomesARunbookNextToNoneItOverwritesWithItsNotes() throws Exception {
        Path source = Files.writeString(dir.resolve("exp.json"), """
                {"title": "Health holds", "description": "d",
                 "steady-state-hypothesis": {"title": "h", "probes": [
                   {"type": "probe", "name": "health", "tolerance": 200,
                    "provider": {"type": "http", "url": "http://127.0.0.1:1/health"}}]},
                 "method": [{"type": "action", "name": "nap", "provider": {"type": "process", "path": "sleep", "arguments": ["1"]}}],
                 "controls": [{"name": "tracing", "provider": {"type": "python", "module": "x"}}]}
                """);
        Path folder = dir.resolve("imported");

        ImportedRunbook first = ImportedRunbook.write(source, folder, loader);
        ImportedRunbook second = ImportedRunbook.write(source, folder, loader);

        assertThat(first.runbook()).isEqualTo(folder.resolve("health-holds.yaml"));
        assertThat(second.runbook()).isEqualTo(folder.resolve("health-holds-2.yaml"));
        assertThat(loader.load(first.runbook()).experiment().title()).isEqualTo("Health holds");
        assertThat(first.summary())
                .startsWith("Imported exp.json (a Chaos Toolkit experiment in JSON) as health-holds.yaml; ")
                .contains("control tracing: left out");
    }

    @Test
    void aFileOfNoKnownFormatIsRefusedSayingSo() throws Exception {
        Path source = Files.writeString(dir.resolve("list.yaml"), "groceries: [milk]\n");
        assertThatThrownBy(() -> ImportedRunbook.write(source, dir.resolve("imported"), loader))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a format Faultline imports");
        assertThat(dir.resolve("imported")).doesNotExist();
    }
}
