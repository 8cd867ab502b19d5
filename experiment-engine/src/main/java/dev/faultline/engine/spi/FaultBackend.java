package dev.faultline.engine.spi;

/**
 * Injects and reverts faults of one backend. Methods may be called from any thread, and
 * {@link #revert} concurrently with {@link #inject} of another fault. Extra abilities are separate
 * interfaces, checked with {@code instanceof}: {@link TargetDiscovery}, {@link FaultVerification},
 * {@link FaultReset}.
 */
public interface FaultBackend extends AutoCloseable {

    String id();

    /**
     * Works out the fault's handle without changing anything: names it, resolves its target.
     * The handle is journaled before {@link #inject} is called.
     *
     * @throws BackendException when the fault cannot be made here (unsupported, target unknown)
     */
    FaultHandle prepare(FaultRequest request) throws BackendException;

    /** Injects the prepared fault. */
    void inject(FaultRequest request, FaultHandle handle) throws BackendException;

    /**
     * Reverts the fault. Safe to call twice, and when the fault is already gone or was never
     * fully injected.
     */
    void revert(FaultHandle handle) throws BackendException;

    /** What a person should do by hand when reverting fails, e.g. "curl -X DELETE ...". */
    String manualCleanup(FaultHandle handle);

    @Override
    void close();
}
