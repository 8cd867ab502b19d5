package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class CommandFailureTest {
    @Test
    void aPermissionErrorSaysWhatIsWrongAndWhatToDoNotOnlyThePath() {
        // a file nobody may write, not even root: a real refusal from the kernel
        Path notes = Path.of("/sys/kernel/notes");
        Throwable refused = catchThrowable(
                () -> Files.newOutputStream(notes, StandardOpenOption.APPEND).close());
        assumeThat(refused).isInstanceOf(AccessDeniedException.class);
        assertThat(refused.getMessage()).as("what Java says by itself").isEqualTo(notes.toString());

        assertThat(CommandFailure.oneLine(refused))
                .isEqualTo("permission denied on /sys/kernel/notes for "
                        + System.getProperty("user.name")
                        + ": it (and its folder) must be yours to write; fix its owner or mode"
                        + " (ls -l /sys/kernel/notes), or choose another path");
    }

    @Test
    void aBugIsOneLineWithWhereTheDetailsAre() {
        String line = CommandFailure.oneLine(new IllegalStateException("first\nsecond"));
        assertThat(line).startsWith("first (details in the log file").doesNotContain("\n");
    }
}
