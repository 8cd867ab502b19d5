package dev.faultline.engine.spi;

/**
 * A backend that can check that a fault's effect really stopped, not only that the revert call
 * returned: the toxic is gone from the proxy, the process is running again.
 */
public interface FaultVerification {

    Verification verifyGone(FaultHandle handle) throws BackendException;

    record Verification(boolean gone, String detail) {}
}
