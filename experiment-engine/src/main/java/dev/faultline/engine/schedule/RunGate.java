package dev.faultline.engine.schedule;

import java.util.Optional;

/** What keeps any run from starting now, as the scheduler asks before each of its runs. */
public interface RunGate {

    /** Why no run may start: the kill switch is engaged here or in another Faultline of the home; empty: it is not. */
    Optional<String> latched();

    /** Which run or GameDay is in progress now, in any Faultline of the home; empty: none. */
    Optional<String> busy();
}
