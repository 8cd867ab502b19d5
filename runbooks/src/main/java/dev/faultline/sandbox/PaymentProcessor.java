package dev.faultline.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The payment service's card processor: {@link #charge(int)} takes 5-15 ms. JVM faults hit it as
 * {@code dev.faultline.sandbox.PaymentProcessor#charge}: an exception becomes a 500 of the service.
 */
public final class PaymentProcessor {
    /** Charges {@code cents}; returns the authorisation code. */
    public String charge(int cents) {
        if (cents <= 0) {
            throw new IllegalArgumentException("nothing to charge");
        }
        Downstream.pause(5 + ThreadLocalRandom.current().nextInt(11));
        return "auth-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
