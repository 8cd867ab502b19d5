package dev.faultline.app.fx;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultVerification;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test backend, {@code hanging}, whose injection never answers (for at most a minute), like a
 * backend that stopped responding mid-experiment. Its revert answers at once. Found through the
 * test class path's {@code META-INF/services}; the shipped app does not have it.
 */
public final class HangingBackendProvider implements FaultBackendProvider {
    @Override
    public String id() {
        return "hanging";
    }

    @Override
    public String description() {
        return "test backend whose injection hangs";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return Set.of(ProxyFault.Latency.class);
    }

    @Override
    public Availability check(BackendSettings settings) {
        return new Availability.Available("a backend that hangs on inject");
    }

    @Override
    public FaultBackend create(BackendSettings settings) {
        return new Hanging();
    }

    /**
     * Its injection hangs; its revert has nothing to undo, so it can confirm at once that nothing
     * is left (a backend that cannot confirm makes a halted run FAILED: "not confirmed gone").
     */
    private static final class Hanging implements FaultBackend, FaultVerification {
        @Override
        public String id() {
            return "hanging";
        }

        @Override
        public FaultHandle prepare(FaultRequest r) {
            return new FaultHandle("hanging", "hanging-" + r.runId() + "-" + r.step(), "hanging latency", Params.EMPTY);
        }

        @Override
        public void inject(FaultRequest r, FaultHandle h) throws BackendException {
            try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("hanging", "interrupted");
            }
        }

        @Override
        public void revert(FaultHandle h) {}

        @Override
        public String manualCleanup(FaultHandle h) {
            return "nothing to clean up: a test backend";
        }

        @Override
        public Verification verifyGone(FaultHandle h) {
            return new Verification(true, "a test backend: nothing to undo");
        }

        @Override
        public void close() {}
    }
}
