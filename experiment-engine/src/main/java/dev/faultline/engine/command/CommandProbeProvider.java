package dev.faultline.engine.command;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.ProbeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code command} probe: runs a process on each sample. Its value is the exit code
 * ({@code value: exit-code}, the default, as Chaos Toolkit compares a number tolerance with a
 * process probe's status) or its standard output read as a number ({@code value: stdout}; the
 * process must then exit 0). A process that outlives its timeout is an unreadable sample.
 */
public final class CommandProbeProvider implements MetricSourceProvider {
    public static final String TYPE = "command";
    public static final String EXIT_CODE = "exit-code";
    public static final String STDOUT = "stdout";

    private final CommandRunner runner = new CommandRunner();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> validate(Params params) {
        List<String> problems = new ArrayList<>();
        try {
            Command.fromParams(params);
        } catch (IllegalArgumentException e) {
            problems.add(String.valueOf(e.getMessage()));
        }
        String value = params.get("value").orElse(EXIT_CODE);
        if (!value.equals(EXIT_CODE) && !value.equals(STDOUT)) {
            problems.add("value: '" + value + "' is not one of " + EXIT_CODE + ", " + STDOUT);
        }
        return problems;
    }

    @Override
    public MetricSource open(Probe probe) throws ProbeException {
        Command command;
        try {
            command = Command.fromParams(probe.params());
        } catch (IllegalArgumentException e) {
            throw new ProbeException("probe '" + probe.name() + "': " + e.getMessage());
        }
        boolean stdout = probe.params().get("value").orElse(EXIT_CODE).equals(STDOUT);
        return () -> read(probe.name(), command, stdout);
    }

    private double read(String name, Command command, boolean stdout) throws ProbeException {
        CommandOutcome o;
        try {
            o = runner.run(command, () -> false);
        } catch (IOException e) {
            throw new ProbeException("probe '" + name + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("probe '" + name + "': interrupted");
        }
        if (o.timedOut()) {
            throw new ProbeException("probe '" + name + "': " + o.summary());
        }
        if (!stdout) {
            return o.exitCode();
        }
        if (!o.succeeded()) {
            throw new ProbeException("probe '" + name + "': " + o.summary());
        }
        String text = o.stdout().strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ProbeException("probe '" + name + "': standard output '"
                    + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "' is not a number");
        }
    }
}
