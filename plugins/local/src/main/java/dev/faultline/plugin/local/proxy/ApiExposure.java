package dev.faultline.plugin.local.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** Whether the API is reachable from other machines, and the warning that says so. */
final class ApiExposure {
    private ApiExposure() {}

    /** The warning for an API on {@code host}, or null when it listens on loopback only. */
    static @Nullable String warning(String host, String address, boolean withToken) {
        if (isLoopback(host)) {
            return null;
        }
        String who = "anyone who can reach " + address + " can create proxies that listen on this machine and connect"
                + " to any address it reaches, and fault or stop every proxy";
        return withToken
                ? "WARNING: the chaos proxy API listens on " + address + ", not on loopback only: " + who
                        + " if they have the token (sent in clear over HTTP); keep it on a trusted network"
                : "WARNING: the chaos proxy API listens on " + address + ", not on loopback only, WITHOUT"
                        + " authentication (as Toxiproxy): " + who + ". Use --host 127.0.0.1, or require a token with"
                        + " --token-file FILE (or $" + ApiToken.ENV + ")";
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
