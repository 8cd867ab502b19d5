package dev.faultline.engine.spi;

/** Whether a backend can be used with the given settings, from a cheap check. */
public sealed interface Availability permits Availability.Available, Availability.Unavailable {

    boolean isAvailable();

    String detail();

    record Available(String detail) implements Availability {
        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    record Unavailable(String detail) implements Availability {
        @Override
        public boolean isAvailable() {
            return false;
        }
    }
}
