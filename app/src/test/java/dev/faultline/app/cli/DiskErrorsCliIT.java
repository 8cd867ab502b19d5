package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Faultline cannot write are one line for people (what is wrong, what to do), never a stack trace. */
class DiskErrorsCliIT {
    @TempDir
    Path home;

    @Test
    void anUnwritableJournalIsOneLineSayingWhatToDo() throws Exception {
        // Something in the journal's place that cannot be opened for writing (root ignores file modes).
        Files.createDirectories(home.resolve("journal/faults.jsonl"));

        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Cli r;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            r = Cli.run(home, "run", Cli.runbook("payment-latency-holds.yaml"));
        } finally {
            System.setErr(err);
        }

        assertThat(r.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(r.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("faultline: cannot write the fault journal " + home.resolve("journal/faults.jsonl"))
                .contains("Is a directory");
        String logged = console.toString(StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
