package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookImporter;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Chaos Toolkit experiments, JSON or YAML, recognised from their content: a mapping with a
 * {@code title} and a {@code method} or a {@code steady-state-hypothesis}, and no Kubernetes
 * {@code apiVersion}/{@code kind}. Files in the format from before Chaos Toolkit 1.0 are recognised
 * and refused, saying why.
 */
public final class ChaosToolkitImporter implements RunbookImporter {
    public static final String FORMAT = "chaostoolkit";

    private final Map<String, String> env;

    public ChaosToolkitImporter() {
        this(System.getenv());
    }

    /** With the environment variables configuration values of type {@code env} are read from. */
    public ChaosToolkitImporter(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Optional<String> recognise(ForeignFile file) {
        JsonNode root;
        try {
            root = LocatedSource.read(file.text()).root();
        } catch (LocatedSource.Malformed | RuntimeException e) {
            return Optional.empty();
        }
        if (!root.isObject() || root.has("apiVersion") || root.has("kind") || !root.has("title")) {
            return Optional.empty();
        }
        String in = LocatedSource.looksLikeJson(file.text()) ? "JSON" : "YAML";
        if (PreOneDotZero.looksOld(root)) {
            return Optional.of("a Chaos Toolkit experiment in " + in + ", in the format from before 1.0");
        }
        if (root.has("method") || root.has("steady-state-hypothesis")) {
            return Optional.of("a Chaos Toolkit experiment in " + in);
        }
        return Optional.empty();
    }

    @Override
    public Imported read(ForeignFile file) throws ImportException {
        LocatedSource src;
        try {
            src = LocatedSource.read(file.text());
        } catch (LocatedSource.Malformed e) {
            throw new ImportException(ExperimentImport.FORMAT, file.path(), e.line(), null, "is " + e.getMessage());
        }
        try {
            return new ExperimentImport(file, src, env).read();
        } catch (IllegalArgumentException e) {
            throw new ImportException(
                    ExperimentImport.FORMAT, file.path(), 0, null, "cannot be read: " + e.getMessage());
        }
    }
}
