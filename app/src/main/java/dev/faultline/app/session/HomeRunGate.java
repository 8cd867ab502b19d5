package dev.faultline.app.session;

import dev.faultline.app.Composition;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.schedule.RunGate;
import dev.faultline.engine.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * What keeps a scheduled run from starting in this Faultline home: the kill switch engaged (here or
 * in another Faultline of the home, through the latch), or a run or GameDay in progress in any
 * Faultline using the home's database (the run session's own checks, the sandbox's lease among them,
 * still refuse whatever slips between this look and the start).
 */
public final class HomeRunGate implements RunGate {
    private final Composition composition;

    public HomeRunGate(Composition composition) {
        this.composition = composition;
    }

    @Override
    public Optional<String> latched() {
        try {
            composition.killSwitch.ensureReleased();
            return Optional.empty();
        } catch (KillSwitchEngagedException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Optional<String> busy() {
        try {
            List<String> now = composition.store().schedules().inProgress();
            return now.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", now) + " in progress");
        } catch (StoreException e) {
            return Optional.of("cannot tell whether a run is in progress (" + e.getMessage() + ")");
        }
    }
}
