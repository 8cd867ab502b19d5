package dev.faultline.app.cli;

import dev.faultline.plugin.local.proxy.ApiToken;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline proxy}: a Toxiproxy-compatible server without Go. Existing Toxiproxy clients and
 * scripts drive it unchanged; Faultline's local backend uses it for network faults.
 */
@Command(name = "proxy", description = "Run a chaos proxy server that speaks the Toxiproxy HTTP API, until Ctrl-C.")
final class ProxyCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "address of the API (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "port of the API (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--config", paramLabel = "FILE", description = "proxies to create: the JSON array /populate takes")
    @Nullable
    Path config;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "require Authorization: Bearer TOKEN, the"
                    + " token being this file's first line (mode 600); default: $" + ApiToken.ENV
                    + " if set. Toxiproxy clients"
                    + " do not send one")
    @Nullable
    Path tokenFile;

    @Override
    public Integer call() throws InterruptedException {
        ChaosProxyServer server;
        try {
            List<ProxyConfig> proxies = config == null ? List.of() : ChaosProxyServer.readConfig(config);
            ApiToken token = tokenFile != null ? ApiToken.readFile(tokenFile) : ApiToken.fromEnvironment();
            server = ChaosProxyServer.start(host, port, proxies, token);
        } catch (IOException e) {
            root.err().println("faultline proxy: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        if (server.exposureWarning() != null) {
            root.err().println(server.exposureWarning());
            root.err().flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "faultline-proxy-stop"));
        root.out()
                .println(
                        "chaos proxy API listening on " + server.apiUrl() + " (Toxiproxy-compatible; Ctrl-C stops it)");
        root.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
