package dev.faultline.app.cli;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the command line's AOT cache ({@code ./faultline} runs it after a build, under
 * {@code -XX:AOTMode=record}): the commands that are run one-shot from scripts and CI, as they run,
 * in a throwaway home. It validates the shipped runbooks, and reports a recorded run and a small
 * GameDay in every format, so the classes of picocli, the runbook loader, H2, the report renderers
 * and the PDF engine are loaded, linked and profiled ahead of time. Arguments: the runbooks folder,
 * and {@code validate} to train only validating, {@code --help} and {@code --version} (the small
 * cache those start from: a cache's classes are all loaded when the JVM starts, so the PDF engine's
 * would slow them down), or {@code all} (the default) for everything above.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        Path runbooks = Path.of(args.length > 0 ? args[0] : "runbooks");
        boolean reports = args.length < 2 || !args[1].equals("validate");
        Path root = Files.createTempDirectory("faultline-aot-training-");
        try {
            FaultlineHome home = new FaultlineHome(root.resolve("home"));
            home.makePrivate();
            System.setProperty("faultline.logdir", home.logs().toString());
            if (reports) {
                try (FaultlineStore store = FaultlineStore.open(home.database())) {
                    RecordedRuns.oneRun(store, home, "training-run");
                    RecordedRuns.gameDay(store, home, "training-gameday", 2, 3, Duration.ofMinutes(10));
                }
            }
            List<String> validate = new ArrayList<>(List.of("validate"));
            try (Stream<Path> files = Files.walk(runbooks, 2)) {
                files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> validate.add(f.toString()));
            }
            run(home, validate.toArray(String[]::new));
            run(home, "--help");
            run(home, "--version");
            for (String id : reports ? List.of("training-run", "training-gameday") : List.<String>of()) {
                for (String format : List.of("md", "json", "html", "pdf")) {
                    run(
                            home,
                            "report",
                            id,
                            "--format",
                            format,
                            "-o",
                            root.resolve(id + "." + format).toString());
                }
            }
        } finally {
            delete(root);
        }
    }

    private static void run(FaultlineHome home, String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        FaultlineCommand.execute(home, nowhere, nowhere, args);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
