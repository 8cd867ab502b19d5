package dev.faultline.plugin.local;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.Map;

/**
 * The seed's dependency faults, made with the proxies. On a {@code proxy} target: unavailable is
 * the link down, slow a latency toxic, intermittent connections reset (toxicity = the share). On an
 * {@code httpProxy} target: 503, a delay, 503 for the share, corrupted bodies.
 */
final class DependencyFaults {
    private DependencyFaults() {}

    /** The request with its dependency fault replaced by the proxy fault that makes it. */
    static FaultRequest translate(FaultRequest r) throws BackendException {
        DependencyFault d = (DependencyFault) r.fault();
        String kind = r.target().kind();
        if (kind.equals("proxy")) {
            return r.share() < 1 && d.mode() == DependencyFault.Mode.UNAVAILABLE
                    ? fail("an unavailable dependency on a TCP proxy is down for every call; for a share of the calls"
                            + " use mode intermittent")
                    : with(
                            r,
                            switch (d.mode()) {
                                case UNAVAILABLE -> new ProxyFault.Down();
                                case SLOW -> new ProxyFault.Latency(d.latency(), Duration.ZERO);
                                case INTERMITTENT -> new ProxyFault.ResetPeer(Duration.ZERO);
                                case CORRUPT ->
                                    fail("a TCP proxy cannot corrupt data; corrupt needs target: {httpProxy: NAME}");
                            });
        }
        if (kind.equals("httpProxy")) {
            return with(
                    r,
                    switch (d.mode()) {
                        case UNAVAILABLE, INTERMITTENT -> http(503, Duration.ZERO, false);
                        case SLOW -> http(0, d.latency(), false);
                        case CORRUPT -> http(0, Duration.ZERO, true);
                    });
        }
        return fail("a dependency fault goes through a proxy: target: {proxy: NAME} or {httpProxy: NAME}");
    }

    static void checkShare(FaultRequest r) throws BackendException {
        if (((DependencyFault) r.fault()).mode() == DependencyFault.Mode.INTERMITTENT && r.share() >= 1) {
            fail(
                    "an intermittent dependency fails a share of the calls: give the step a share below 100%, e.g. share: 30%");
        }
    }

    private static Fault http(int abort, Duration delay, boolean corrupt) {
        return new HttpFault("", "/**", Map.of(), abort, delay, false, "", corrupt, Map.of());
    }

    private static FaultRequest with(FaultRequest r, Fault f) {
        return FaultRequest.atShare(r.runId(), r.step(), f, r.target(), r.share(), r.duration());
    }

    private static <T> T fail(String message) throws BackendException {
        throw new BackendException(LocalBackendProvider.ID, message);
    }
}
