package dev.faultline.engine.spi;

import dev.faultline.engine.model.Params;
import java.util.Objects;

/**
 * Everything needed to revert a fault, even from another process after a crash: it is written to
 * the fault journal before the fault is sent.
 *
 * @param backend     the backend's id
 * @param id          unique per fault, e.g. {@code faultline-<run>-<step>}
 * @param description for people: "latency 300ms on proxy/payments"
 * @param data        backend-specific revert data: a proxy and toxic name, a pid and its start time
 */
public record FaultHandle(String backend, String id, String description, Params data) {
    public FaultHandle {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(data, "data");
    }
}
