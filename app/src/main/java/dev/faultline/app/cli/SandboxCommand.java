package dev.faultline.app.cli;

import dev.faultline.app.StartupRecovery;
import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxException;
import dev.faultline.sandbox.SandboxOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline sandbox}: runs the practice shop in the foreground until Ctrl-C. */
@Command(name = "sandbox", description = "Start the sandbox shop on 127.0.0.1 and keep it running until Ctrl-C.")
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--port-base", defaultValue = "18080", description = "first port (default: ${DEFAULT-VALUE})")
    int portBase;

    @Option(names = "--rate", defaultValue = "20", description = "orders per second from the load generator")
    int rate;

    @Override
    public Integer call() throws Exception {
        var c = root.composition();
        StartupRecovery.run(c).forEach(root.err()::println);
        SandboxOptions options =
                SandboxOptions.defaults(c.home.sandbox()).withPortBase(portBase).withRate(rate);
        RunningSandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (SandboxException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "faultline-sandbox-stop"));
        root.out().println("sandbox running (Ctrl-C stops it):");
        root.out().println("  orders         " + sandbox.orderUrl());
        root.out().println("  payments       " + sandbox.paymentUrl());
        root.out().println("  chaos proxy    " + sandbox.proxyApiUrl());
        root.out().println("  load metrics   " + sandbox.loadgenMetricsUrl());
        root.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
