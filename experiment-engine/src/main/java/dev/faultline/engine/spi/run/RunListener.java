package dev.faultline.engine.spi.run;

/**
 * Follows a run's events. Called on the run's own threads, in order per run; must return quickly
 * (hand heavy work to a thread of its own). A listener that throws is logged and skipped: a failing
 * listener never breaks a run.
 */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
