package dev.faultline.plugin.local.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** {@code host:port} as the Toxiproxy API writes addresses; an IPv6 host in brackets, {@code [::1]:8474}. */
public final class Addresses {
    private Addresses() {}

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
            if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.indexOf(':') >= 0) {
                return ipv6(host, port);
            }
            return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad request body: '" + hostPort + "' has no valid port");
        }
    }

    /** An IPv6 literal, kept as written ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}) for the API's answers. */
    private static InetSocketAddress ipv6(String host, int port) {
        try {
            return new InetSocketAddress(
                    InetAddress.getByAddress(host, InetAddress.getByName(host).getAddress()), port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
    }

    /** {@code host:port}, with an IPv6 host in brackets so that the port stays apart from it. */
    public static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The address's host as written (or its IP) and port. */
    public static String format(InetSocketAddress a) {
        return format(a.getHostString(), a.getPort());
    }
}
