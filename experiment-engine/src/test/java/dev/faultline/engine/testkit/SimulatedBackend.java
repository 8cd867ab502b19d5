package dev.faultline.engine.testkit;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultShareChange;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.InjectionTimeLimit;
import dev.faultline.engine.spi.TargetCounts;
import dev.faultline.engine.spi.TargetDiscovery;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend over a {@link SimulatedSystem}, with knobs for misbehaving: hang on inject or revert
 * (until released or interrupted), or fail a number of reverts.
 */
public final class SimulatedBackend
        implements FaultBackend,
                TargetDiscovery,
                FaultVerification,
                FaultReset,
                FaultShareChange,
                TargetCounts,
                InjectionTimeLimit {
    public static final String ID = "simulated";

    private final SimulatedSystem system;
    private volatile Duration injectDelay = Duration.ZERO;
    private volatile Duration injectWithin = Duration.ZERO;
    private volatile boolean hangOnRevert;
    private volatile boolean refuseReset;
    private volatile boolean failInject;
    private volatile boolean shareInPlace;
    private volatile int matching;
    private final AtomicInteger shareChanges = new AtomicInteger();
    private volatile Runnable onRevert = () -> {};
    private final AtomicInteger revertFailuresLeft = new AtomicInteger();
    private final AtomicInteger reverts = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final CountDownLatch injectStarted = new CountDownLatch(1);

    public SimulatedBackend(SimulatedSystem system) {
        this.system = system;
    }

    public SimulatedBackend injectTakes(Duration d) {
        injectDelay = d;
        return this;
    }

    /** Asks the runner to allow {@code d} for each injection ({@link InjectionTimeLimit}); zero: the usual limit. */
    public SimulatedBackend injectWithin(Duration d) {
        injectWithin = d;
        return this;
    }

    @Override
    public Duration injectWithin(FaultHandle handle, Duration usual) {
        return injectWithin.isZero() ? usual : injectWithin;
    }

    public SimulatedBackend hangOnRevert(boolean hang) {
        hangOnRevert = hang;
        return this;
    }

    /** Runs {@code hook} at the start of every revert call (benchmarks time it). */
    public SimulatedBackend onRevert(Runnable hook) {
        onRevert = hook;
        return this;
    }

    /** Whether a rollout's stage changes the share in place (else the runner reverts and injects again). */
    public SimulatedBackend shareInPlace(boolean inPlace) {
        shareInPlace = inPlace;
        return this;
    }

    /**
     * Every target stands for {@code count} alike instances (0: a target is one thing, with no count
     * to hit): a fault on k of them has k / count of the target's impact.
     */
    public SimulatedBackend instances(int count) {
        matching = count;
        return this;
    }

    @Override
    public Optional<String> cannotCount(Target target, dev.faultline.engine.model.Fault fault) {
        return matching == 0 ? Optional.of("target " + target.label() + " is one instance") : Optional.empty();
    }

    @Override
    public int matching(Target target) {
        return matching;
    }

    /** The share of the target's impact a request has: its share, or its count of the instances. */
    private double impact(FaultRequest r) throws BackendException {
        if (r.targets().isEmpty()) {
            return r.share();
        }
        if (r.targets().getAsInt() > matching) {
            throw new BackendException(ID, r.targets().getAsInt() + " instances asked, " + matching + " exist");
        }
        return (double) r.targets().getAsInt() / matching;
    }

    public int shareChanges() {
        return shareChanges.get();
    }

    @Override
    public boolean changesShareInPlace(FaultHandle handle) {
        return shareInPlace;
    }

    @Override
    public void changeShare(FaultRequest r, FaultHandle h) throws BackendException {
        shareChanges.incrementAndGet();
        if (!system.changeShare(h.id(), impact(r))) {
            throw new BackendException(ID, "no fault " + h.id() + " in effect to change");
        }
    }

    public SimulatedBackend failInject(boolean fail) {
        failInject = fail;
        return this;
    }

    public SimulatedBackend refuseReset(boolean refuse) {
        refuseReset = refuse;
        return this;
    }

    public SimulatedBackend failReverts(int times) {
        revertFailuresLeft.set(times);
        return this;
    }

    public boolean awaitInjectStarted(Duration within) throws InterruptedException {
        return injectStarted.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int reverts() {
        return reverts.get();
    }

    public int resets() {
        return resets.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FaultHandle prepare(FaultRequest r) {
        return new FaultHandle(
                ID,
                "sim-" + r.runId() + "-" + r.step(),
                r.fault().describe() + " on " + r.target().label(),
                Params.of("target", r.target().label()));
    }

    @Override
    public void inject(FaultRequest r, FaultHandle h) throws BackendException {
        injectStarted.countDown();
        if (failInject) {
            throw new BackendException(ID, "simulated injection failure");
        }
        if (!injectDelay.isZero()) {
            try {
                Thread.sleep(injectDelay.toMillis());
            } catch (InterruptedException e) {
                // A timed-out call is interrupted; like a real network call, the fault may still land.
                Thread.currentThread().interrupt();
            }
        }
        system.apply(h.id(), h.data().require("target"), impact(r));
    }

    @Override
    public void revert(FaultHandle h) throws BackendException {
        onRevert.run();
        reverts.incrementAndGet();
        if (hangOnRevert) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(ID, "revert interrupted");
            }
        }
        if (revertFailuresLeft.getAndDecrement() > 0) {
            throw new BackendException(ID, "simulated revert failure");
        }
        system.remove(h.id());
    }

    @Override
    public String manualCleanup(FaultHandle h) {
        return "remove " + h.id() + " from the simulated system";
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        if (!system.hasTarget(target.label())) {
            throw new BackendException(ID, "no target " + target.label());
        }
        return "found " + target.label();
    }

    @Override
    public Verification verifyGone(FaultHandle h) {
        return new Verification(
                !system.inEffect(h.id()), system.inEffect(h.id()) ? "still in effect" : "not in effect");
    }

    @Override
    public String resetAll() throws BackendException {
        resets.incrementAndGet();
        if (refuseReset) {
            throw new BackendException(ID, "reset refused");
        }
        system.clear();
        return "cleared every simulated fault";
    }

    @Override
    public void close() {}
}
