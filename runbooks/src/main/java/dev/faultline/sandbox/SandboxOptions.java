package dev.faultline.sandbox;

import dev.faultline.engine.spi.JavaCommand;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the sandbox. Ports: order = base, payment = base+1, the payment link through the
 * chaos proxy = base+2, load generator metrics = base+3, the HTTP fault proxy in front of payment =
 * base+4, the run lease = base+393 (see {@link SandboxLease}), chaos proxy API = base+394 (18474 for
 * the default base, the local backend's default).
 *
 * @param home      its state folder: pid files, state.json, logs
 * @param rate      orders per second from the load generator
 * @param withProxy whether orders reach payments through the chaos proxy (else directly)
 */
public record SandboxOptions(
        Path home, int portBase, int rate, boolean withProxy, String javaCommand, String classPath) {
    public static final int DEFAULT_PORT_BASE = 18080;

    public SandboxOptions {
        Objects.requireNonNull(home, "home");
        if (portBase < 1024 || portBase > 65_000) {
            throw new IllegalArgumentException("port base must be between 1024 and 65000");
        }
        if (rate < 1 || rate > 1000) {
            throw new IllegalArgumentException("rate must be between 1 and 1000 orders a second");
        }
    }

    public static SandboxOptions defaults(Path home) {
        String java = JavaCommand.ofThisRuntime();
        return new SandboxOptions(home, DEFAULT_PORT_BASE, 20, true, java, System.getProperty("java.class.path"));
    }

    public SandboxOptions withPortBase(int base) {
        return new SandboxOptions(home, base, rate, withProxy, javaCommand, classPath);
    }

    public SandboxOptions withRate(int r) {
        return new SandboxOptions(home, portBase, r, withProxy, javaCommand, classPath);
    }

    public SandboxOptions withProxy(boolean on) {
        return new SandboxOptions(home, portBase, rate, on, javaCommand, classPath);
    }

    public int orderPort() {
        return portBase;
    }

    public int paymentPort() {
        return portBase + 1;
    }

    public int paymentLinkPort() {
        return portBase + 2;
    }

    public int loadgenPort() {
        return portBase + 3;
    }

    /** The HTTP fault proxy in front of payment, between the TCP link and the payment service. */
    public int paymentHttpPort() {
        return portBase + 4;
    }

    public int inventoryPort() {
        return portBase + 5;
    }

    public int cachePort() {
        return portBase + 6;
    }

    /** The TCP link of the chaos proxy in front of the cache ({@code proxy: cache}). */
    public int cacheLinkPort() {
        return portBase + 7;
    }

    public int dbPort() {
        return portBase + 8;
    }

    /** The HTTP fault proxy in front of the database stand-in ({@code httpProxy: db-http}). */
    public int dbHttpPort() {
        return portBase + 9;
    }

    /** Held, while it lasts, by the one run that uses the sandbox ({@link SandboxLease}). */
    public int leasePort() {
        return portBase + 393;
    }

    public int proxyApiPort() {
        return portBase + 394;
    }
}
