package dev.faultline.engine.safety;

import dev.faultline.engine.FaultlineException;

/** A fault may not be injected now: the kill switch is engaged or its run was halted. */
public final class FaultRefusedException extends FaultlineException {
    public FaultRefusedException(String message) {
        super(message);
    }
}
