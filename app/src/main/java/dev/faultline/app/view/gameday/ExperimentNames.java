package dev.faultline.app.view.gameday;

import java.nio.file.Path;

/**
 * How a GameDay file names its experiments' runbooks: relative to the GameDay's folder once the plan
 * has a file, absolute before.
 */
final class ExperimentNames {
    private ExperimentNames() {}

    /** The name a plan saved to {@code planFile} (empty: not saved yet) gives {@code runbook}. */
    static String of(String planFile, Path runbook) {
        return planFile.isEmpty()
                ? runbook.toAbsolutePath().toString()
                : Path.of(planFile)
                        .toAbsolutePath()
                        .getParent()
                        .relativize(runbook.toAbsolutePath())
                        .toString();
    }

    /** Where the runbook named {@code experiment} is: relative names are relative to {@code planFile}. */
    static Path runbook(String planFile, String experiment) {
        Path p = Path.of(experiment);
        if (p.isAbsolute() || planFile.isEmpty()) {
            return p.toAbsolutePath();
        }
        Path dir = Path.of(planFile).toAbsolutePath().getParent();
        return dir == null ? p.toAbsolutePath() : dir.resolve(p).normalize();
    }

    /** {@code experiment} absolute, a relative name read from {@code folder}. */
    static String absolute(Path folder, String experiment) {
        return Path.of(experiment).isAbsolute()
                ? experiment
                : folder.toAbsolutePath().resolve(experiment).normalize().toString();
    }

    /** The runbook's file name, without its folders. */
    static String fileName(String experiment) {
        Path f = Path.of(experiment).getFileName();
        return f == null ? experiment : f.toString();
    }
}
