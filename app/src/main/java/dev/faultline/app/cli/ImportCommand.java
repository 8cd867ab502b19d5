package dev.faultline.app.cli;

import dev.faultline.app.interop.ForeignFormats;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookWriter;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.interop.ImportedEnvironment;
import dev.faultline.engine.spi.interop.ImportedSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code faultline import FILE... [-o OUT]}: reads experiments written for other tools (each format
 * a plugin, recognised from the content) and writes them as runbooks that pass {@code validate}.
 * Exit 0 imported (what was not carried over exactly on standard error), 2 not a supported format
 * or invalid (or, with {@code --schedule}, a schedule found could not be added), 3 could not be
 * written. A schedule found ({@link ImportedSchedules}) is printed as the command that adds it.
 */
@Command(
        name = "import",
        description = "Import experiments from other tools (Chaos Toolkit, Chaos Mesh, Litmus, Toxiproxy) as runbooks.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files, or folders of files, to import")
    List<Path> files;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description =
                    "folder to write the runbooks into (default: the current folder), or a .yaml file for one experiment")
    @Nullable
    Path output;

    @Option(names = "--force", description = "overwrite runbooks that already exist")
    boolean force;

    @Option(
            names = "--schedule",
            description = "also add the schedules found (a Chaos Mesh Schedule) as 'faultline schedule add' would;"
                    + " without it each is printed as that command")
    boolean addSchedules;

    @Override
    public Integer call() throws Exception {
        ForeignFormats formats = ForeignFormats.installed(ImportCommand.class.getClassLoader());
        int exit = ExitCodes.OK;
        List<Path> inputs = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> s = Files.walk(f, 4)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches("(?i).*\\.(json|ya?ml)"))
                            .sorted()
                            .forEach(inputs::add);
                } catch (IOException e) {
                    root.err().println(f + ": cannot be listed: " + e.getMessage());
                    exit = ExitCodes.INVALID_INPUT;
                }
            } else {
                inputs.add(f);
            }
        }
        List<ForeignFormats.Read> read = new ArrayList<>();
        for (ForeignFormats.Outcome outcome : formats.readAll(inputs)) {
            switch (outcome) {
                case ForeignFormats.Read r -> read.add(r);
                case ForeignFormats.Refused r -> {
                    root.err().println(r.message());
                    exit = ExitCodes.INVALID_INPUT;
                }
            }
        }
        long experiments =
                read.stream().mapToLong(r -> r.imported().experiments().size()).sum();
        boolean toFile = output != null
                && experiments == 1
                && output.getFileName().toString().matches("(?i).*\\.ya?ml");
        Path folder =
                output == null ? Path.of(".") : toFile ? output.toAbsolutePath().getParent() : output;
        RunbookWriter writer = new RunbookWriter();
        Set<String> named = new HashSet<>();
        for (ForeignFormats.Read r : read) {
            r.imported().notes().forEach(n -> root.err().println("note: " + r.file() + ": " + n));
            if (r.imported().experiments().isEmpty()
                    && r.imported().environments().isEmpty()) {
                root.out().printf("nothing to import from %s (%s): see the notes%n", r.file(), r.looksLike());
            }
            for (Experiment imported : r.imported().experiments()) {
                Experiment e = toFile ? imported : uniquelyNamed(imported, named, r.file());
                String yaml = writer.toYaml(e);
                Path target = toFile ? output : folder.resolve(e.name() + ".yaml");
                try {
                    root.runbookLoader().parse(yaml, target.toString());
                } catch (RunbookException x) {
                    root.err()
                            .println(r.file() + ": looks like " + r.looksLike()
                                    + " but the runbook made of it does not pass validate: "
                                    + x.problems().getFirst());
                    exit = Math.max(exit, ExitCodes.INVALID_INPUT);
                    continue;
                }
                try {
                    write(target, yaml);
                } catch (IOException x) {
                    root.err().println(target + ": could not be written: " + WriteFailure.why(x));
                    exit = ExitCodes.COULD_NOT_RUN;
                    continue;
                }
                root.out()
                        .printf(
                                "imported %s (%s) -> %s (%d probe(s), %d step(s), %d rollback(s))%n",
                                r.file(),
                                r.looksLike(),
                                target,
                                e.hypothesis().probes().size(),
                                e.method().size(),
                                e.rollbacks().size());
                for (ImportedSchedule s : r.imported().schedules()) {
                    if (s.experiment().equals(imported.name())) {
                        ImportedSchedules schedules = new ImportedSchedules(root);
                        exit = Math.max(exit, addSchedules ? schedules.add(s, e, target) : schedules.print(s, target));
                    }
                }
            }
            if (!r.imported().environments().isEmpty()) {
                Path target = folder.resolve(stem(r.file()) + "-environments.yaml");
                try {
                    write(target, environments(r.imported().environments()));
                    root.out()
                            .printf(
                                    "environment settings of %s -> %s (merge them into %s)%n",
                                    r.file(), target, root.home().environments());
                } catch (IOException x) {
                    root.err().println(target + ": could not be written: " + WriteFailure.why(x));
                    exit = ExitCodes.COULD_NOT_RUN;
                }
            }
        }
        return exit;
    }

    /**
     * {@code e}, renamed {@code NAME-2}, {@code NAME-3} ... when an experiment read earlier in this
     * import has its name (upstream examples often share one), so that no runbook of the import
     * replaces another; said on standard error.
     */
    private Experiment uniquelyNamed(Experiment e, Set<String> named, Path source) {
        String name = e.name();
        for (int i = 2; !named.add(name); i++) {
            name = e.name() + "-" + i;
        }
        if (name.equals(e.name())) {
            return e;
        }
        root.err()
                .println("note: " + source + ": experiment " + e.name() + ": written as " + name
                        + ": an experiment read earlier in this import has the same name");
        return new Experiment(
                name,
                e.title(),
                e.description(),
                e.labels(),
                e.environment(),
                e.hypothesis(),
                e.method(),
                e.blastRadius(),
                e.stopConditions(),
                e.rollbacks(),
                e.timing());
    }

    private void write(Path target, String text) throws IOException {
        if (Files.exists(target) && !force) {
            throw new IOException("it already exists; give another -o, or --force to overwrite it");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, text);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The settings as {@code environments.yaml} writes them: one mapping per backend. */
    static String environments(List<ImportedEnvironment> envs) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode all = root.putObject("environments");
        for (ImportedEnvironment env : envs) {
            ObjectNode e = all.putObject(env.name());
            for (BackendSettings b : env.backends()) {
                ObjectNode s = e.putObject(b.backend());
                Map<String, String> values = new TreeMap<>(b.values().values());
                values.forEach(s::put);
            }
        }
        return YAMLMapper.builder().build().writeValueAsString(root);
    }
}
