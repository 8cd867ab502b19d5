package dev.faultline.plugin.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free port on 127.0.0.1 for the benchmarks. */
final class ChaosProxyBenchmarkPorts {
    private ChaosProxyBenchmarkPorts() {}

    static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
