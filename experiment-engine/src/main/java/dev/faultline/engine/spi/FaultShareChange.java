package dev.faultline.engine.spi;

/**
 * A backend that can widen (or narrow) an injected fault's share in place, for a progressive
 * rollout's next stage: a proxy toxic's toxicity, an HTTP fault's share of requests. The fault keeps
 * its handle, so the journal's entry stays what reverts it. A backend without this ability, or one
 * that answers {@link #changesShareInPlace} with false for a fault, has the fault reverted and
 * injected again at the new share.
 */
public interface FaultShareChange {

    /** Whether the fault of {@code handle} can have its share changed in place. */
    boolean changesShareInPlace(FaultHandle handle);

    /**
     * Changes the injected fault's share to {@code request.share()}, without removing it meanwhile.
     *
     * @throws BackendException when the change did not take; the fault is then as it was, or gone
     */
    void changeShare(FaultRequest request, FaultHandle handle) throws BackendException;
}
