package dev.faultline.plugin.local.proxy;

import java.net.InetSocketAddress;

/** {@code host:port} as the Toxiproxy API writes addresses. */
final class Addresses {
    private Addresses() {
    }

    static InetSocketAddress parse(String hostPort) throws ApiError {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new ApiError(400, "bad request body: '" + hostPort + "' is not host:port");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            String host = hostPort.substring(0, colon);
            return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad request body: '" + hostPort + "' has no valid port");
        }
    }
}
