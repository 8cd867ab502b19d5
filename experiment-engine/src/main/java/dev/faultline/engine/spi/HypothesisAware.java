package dev.faultline.engine.spi;

import dev.faultline.engine.model.Hypothesis;

/**
 * A backend that can check the steady state itself while a fault runs (LitmusChaos probes): it
 * is given the experiment's hypothesis once, in pre-flight, before any fault is prepared.
 */
public interface HypothesisAware {

    void useHypothesis(Hypothesis hypothesis);
}
