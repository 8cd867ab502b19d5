package dev.faultline.app.cli;

import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline validate FILE...}: checks runbooks without running anything, or wiring the engine. */
@Command(name = "validate", description = "Check runbooks: every problem with its file:line:column and field.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "runbook files (YAML)")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = ExitCodes.OK;
        for (Path f : files) {
            try {
                RunbookLoader loader = root.runbookLoader();
                if (loader.kindOf(f).equals("GameDay")) {
                    var d = loader.loadGameDay(f);
                    int n = loader.loadExperimentsOf(d).size();
                    root.out()
                            .printf(
                                    "ok  %s: GameDay %s (%d experiment(s), %d participant(s))%n",
                                    f,
                                    d.gameDay().name(),
                                    n,
                                    d.gameDay().participants().size());
                    continue;
                }
                LoadedRunbook r = loader.load(f);
                root.out()
                        .printf(
                                "ok  %s: %s (%d probe(s), %d step(s), %d stop condition(s))%n",
                                f,
                                r.experiment().name(),
                                r.experiment().hypothesis().probes().size(),
                                r.experiment().method().size(),
                                r.experiment().stopConditions().size());
            } catch (RunbookException e) {
                e.problems().forEach(p -> root.err().println(p));
                exit = ExitCodes.INVALID_INPUT;
            }
        }
        return exit;
    }
}
