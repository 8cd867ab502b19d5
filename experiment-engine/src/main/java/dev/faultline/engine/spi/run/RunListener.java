package dev.faultline.engine.spi.run;

/**
 * Follows a run's events. Called on the run's event thread, one event at a time, in order per run;
 * a slow call holds up only the events after it, never the run or the kill switch (still, hand
 * heavy work to a thread of its own). The run's result completes after its listeners heard its end. A listener that throws is logged and skipped: a failing
 * listener never breaks a run.
 */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
