package dev.faultline.plugin.kube.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The upstream CRDs and example manifests of the project's shared folder ({@code ../shared/crds}
 * next to the checkout, found by walking up from the module), and the check that an imported
 * experiment is a valid runbook.
 */
public final class SharedCrds {
    private SharedCrds() {}

    /** {@code shared/crds/<sub>} above the working directory, if this checkout has one. */
    public static Optional<Path> folder(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/crds").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The YAML files directly in {@code folder}, sorted. */
    public static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The experiment written as a runbook and loaded back: it must load (as {@code faultline validate}) and be equal. */
    public static Experiment asRunbook(Experiment e) throws RunbookException {
        String yaml = new RunbookWriter().toYaml(e);
        return new RunbookLoader().parse(yaml, e.name() + ".yaml").experiment();
    }
}
