package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookImporter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
        String in = LocatedSource.looksLikeJson(file.text()) ? "JSON" : "YAML";
        try {
            root = LocatedSource.read(file.text()).root();
        } catch (LocatedSource.Malformed | RuntimeException e) {
            // not valid JSON or YAML, but its keys are an experiment's: read() says where it breaks
            return looksLikeExperiment(file.text())
                    ? Optional.of("a Chaos Toolkit experiment in " + in)
                    : Optional.empty();
        }
        if (!root.isObject() || root.has("apiVersion") || root.has("kind") || !root.has("title")) {
            return Optional.empty();
        }
        if (PreOneDotZero.looksOld(root)) {
            return Optional.of("a Chaos Toolkit experiment in " + in + ", in the format from before 1.0");
        }
        if (root.has("method") || root.has("steady-state-hypothesis")) {
            return Optional.of("a Chaos Toolkit experiment in " + in);
        }
        return Optional.empty();
    }

    /**
     * Text that cannot be parsed but has an experiment's top-level keys: {@code title} and a
     * {@code method} or {@code steady-state-hypothesis}, and no Kubernetes {@code apiVersion}.
     */
    private static boolean looksLikeExperiment(String text) {
        boolean json = LocatedSource.looksLikeJson(text);
        Pattern title = json ? Pattern.compile("\"title\"\\s*:") : Pattern.compile("(?m)^title\\s*:");
        Pattern body = json
                ? Pattern.compile("\"(method|steady-state-hypothesis)\"\\s*:")
                : Pattern.compile("(?m)^(method|steady-state-hypothesis)\\s*:");
        Pattern kube = json ? Pattern.compile("\"apiVersion\"\\s*:") : Pattern.compile("(?m)^apiVersion\\s*:");
        return title.matcher(text).find()
                && body.matcher(text).find()
                && !kube.matcher(text).find();
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
