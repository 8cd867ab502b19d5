package dev.faultline.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox in the foreground: {@code --home DIR --port-base 18080 --rate 20}. */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "faultline-sandbox");
        SandboxOptions o = null;
        int base = SandboxOptions.DEFAULT_PORT_BASE;
        int rate = 20;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[i + 1]);
                case "--port-base" -> base = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("usage: --home DIR --port-base N --rate N");
                    System.exit(2);
                }
            }
        }
        o = SandboxOptions.defaults(home).withPortBase(base).withRate(rate);
        try {
            RunningSandbox s = Sandbox.start(o);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                s.close();
                                stop.countDown();
                            },
                            "sandbox-stop"));
            System.out.println("sandbox running: orders " + s.orderUrl() + ", chaos proxy " + s.proxyApiUrl());
            stop.await();
        } catch (SandboxException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.exit(3);
        }
    }
}
