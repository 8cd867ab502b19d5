package dev.faultline.plugin.local.proxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a chaos proxy server in its own process, like toxiproxy-server:
 * {@code --host 127.0.0.1 --port 8474 --config proxies.json} (the same JSON array as {@code /populate})
 * {@code --token-file FILE} (or {@code $FAULTLINE_PROXY_TOKEN}: requests then need
 * {@code Authorization: Bearer TOKEN}). Prints one line when ready, and a warning on stderr first
 * when the API is reachable from other machines; SIGTERM closes it. Exit code 3 when it cannot start.
 */
public final class ChaosProxyMain {
    private ChaosProxyMain() {}

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8474;
        Path config = null;
        Path tokenFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--config" -> config = Path.of(args[i + 1]);
                case "--token-file" -> tokenFile = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: --host H --port P --config FILE"
                            + " --token-file FILE");
                    System.exit(2);
                }
            }
        }
        try {
            List<ProxyConfig> proxies = config == null ? List.of() : ChaosProxyServer.readConfig(config);
            ApiToken token = tokenFile != null ? ApiToken.readFile(tokenFile) : ApiToken.fromEnvironment();
            ChaosProxyServer server = ChaosProxyServer.start(host, port, proxies, token);
            if (server.exposureWarning() != null) {
                System.err.println(server.exposureWarning());
                System.err.flush();
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                server.close();
                                stop.countDown();
                            },
                            "faultline-proxy-stop"));
            System.out.println("chaos proxy API listening on " + server.apiUrl());
            System.out.flush();
            stop.await();
        } catch (IOException e) {
            System.err.println("chaos proxy: " + e.getMessage());
            System.exit(3);
        }
    }
}
