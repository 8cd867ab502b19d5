package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads runbooks: YAML, checked against the published JSON Schema, then read into an immutable
 * {@link Experiment}. Every problem of a file is reported at once, each with file, line, column and
 * field; a file is either loaded whole or not at all.
 */
public final class RunbookLoader {
    private final Map<String, MetricSourceProvider> probeTypes;
    private final SchemaCheck schema = new SchemaCheck();
    private final YamlReader yaml = new YamlReader();

    public RunbookLoader() {
        this(List.of());
    }

    /** @param probeTypes installed probe types, whose own checks of their settings are applied too */
    public RunbookLoader(Collection<MetricSourceProvider> probeTypes) {
        this.probeTypes = probeTypes.stream()
                .collect(Collectors.toMap(MetricSourceProvider::type, Function.identity(), (a, b) -> a));
    }

    public LoadedRunbook load(Path file) throws RunbookException {
        return parse(readText(file), file.toString());
    }

    /** Loads a {@code kind: GameDay} runbook; its experiments are not loaded (see {@link #loadExperimentsOf}). */
    public LoadedGameDay loadGameDay(Path file) throws RunbookException {
        return parseGameDay(readText(file), file.toString());
    }

    /** The kind a runbook declares ({@code Experiment}, {@code GameDay}), read without checking the rest. */
    public String kindOf(Path file) throws RunbookException {
        String text = readText(file);
        List<RunbookProblem> problems = new ArrayList<>();
        LocatedTree tree = yaml.read(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString(), problems);
        if (tree == null) {
            throw new RunbookException(problems);
        }
        return tree.root().path("kind").asString("Experiment");
    }

    /** Every experiment of a GameDay, in order, each path relative to the GameDay's file; all problems at once. */
    public List<LoadedRunbook> loadExperimentsOf(LoadedGameDay day) throws RunbookException {
        Path gameDayFile = Path.of(day.file()).toAbsolutePath();
        List<LoadedRunbook> out = new ArrayList<>();
        List<RunbookProblem> problems = new ArrayList<>();
        for (int i = 0; i < day.gameDay().experiments().size(); i++) {
            String ref = day.gameDay().experiments().get(i);
            Path p = gameDayFile.resolveSibling(ref).normalize();
            try {
                LoadedRunbook r = load(p);
                if (!r.experiment().environment().equals(day.gameDay().environment())) {
                    problems.add(new RunbookProblem(
                            day.file(),
                            0,
                            0,
                            "spec.experiments[" + i + "]",
                            ref
                                    + " runs in environment '" + r.experiment().environment() + "', the GameDay in '"
                                    + day.gameDay().environment() + "'"));
                }
                out.add(r);
            } catch (RunbookException e) {
                if (!Files.exists(p)) {
                    problems.add(new RunbookProblem(
                            day.file(), 0, 0, "spec.experiments[" + i + "]", "no runbook at " + ref + " (" + p + ")"));
                } else {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RunbookException(problems);
        }
        return out;
    }

    private static String readText(Path file) throws RunbookException {
        return RunbookFiles.read(file, "runbook file");
    }

    public LoadedGameDay parseGameDay(String text, String file) throws RunbookException {
        LocatedTree tree = checkedTree(text, file);
        if (!tree.root().path("kind").asString().equals("GameDay")) {
            throw fail(
                    file,
                    "is a " + tree.root().path("kind").asString() + ", not a GameDay: run it with"
                            + " 'faultline run'");
        }
        Problems found = new Problems(tree, file);
        dev.faultline.engine.model.GameDay day;
        try {
            day = new GameDayReader(found).read(tree.root());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunbookLoader.class).error("reading {} failed", file, e);
            throw fail(file, "cannot be read: " + e);
        }
        if (found.any() || day == null) {
            throw found.any() ? new RunbookException(found.sorted()) : fail(file, "could not be read as a GameDay");
        }
        return new LoadedGameDay(file, text, sha256(text), day);
    }

    private LocatedTree checkedTree(String text, String file) throws RunbookException {
        List<RunbookProblem> problems = new ArrayList<>();
        LocatedTree tree = yaml.read(text.startsWith("\uFEFF") ? text.substring(1) : text, file, problems);
        if (tree == null) {
            throw new RunbookException(problems);
        }
        if (!tree.root().isObject()) {
            throw fail(file, "a runbook is a YAML mapping with apiVersion, kind, metadata and spec");
        }
        try {
            problems.addAll(schema.check(tree, file));
        } catch (RuntimeException e) {
            // A bug of the schema validator must still reach the user as one line, never a stack trace.
            org.slf4j.LoggerFactory.getLogger(RunbookLoader.class).error("checking {} failed", file, e);
            throw fail(file, "cannot be read: " + e);
        }
        if (!problems.isEmpty()) {
            throw new RunbookException(problems);
        }
        return tree;
    }

    public LoadedRunbook parse(String text, String file) throws RunbookException {
        LocatedTree tree = checkedTree(text, file);
        if (tree.root().path("kind").asString().equals("GameDay")) {
            throw fail(file, "is a GameDay, not an experiment: run it with 'faultline gameday run " + file + "'");
        }
        Problems found = new Problems(tree, file);
        Experiment experiment;
        try {
            experiment = new ExperimentReader(found, probeTypes).read(tree.root());
        } catch (RuntimeException e) {
            // A bug in reading must still reach the user as a located message, never a stack trace.
            org.slf4j.LoggerFactory.getLogger(RunbookLoader.class).error("reading {} failed", file, e);
            throw fail(file, "cannot be read: " + e);
        }
        if (found.any()) {
            throw new RunbookException(found.sorted());
        }
        if (experiment == null) {
            throw fail(file, "could not be read as an experiment");
        }
        return new LoadedRunbook(file, text, sha256(text), experiment);
    }

    private static RunbookException fail(String file, String message) {
        return new RunbookException(List.of(new RunbookProblem(file, 0, 0, "", message)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
