package dev.faultline.engine.spi;

/**
 * A backend's fallback when a single revert fails: remove every fault Faultline made through it
 * (all toxics it added, every process it paused), like Toxiproxy's {@code POST /reset}.
 */
public interface FaultReset {

    /** @return a description of what was reset */
    String resetAll() throws BackendException;
}
