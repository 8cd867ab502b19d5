package dev.faultline.app;

import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode's kill switch on a runner: a HALT pressed on any desktop (the shared store's switch)
 * halts this process's runs through its own {@link KillSwitch}, which latches here too; the shared
 * release releases it. This process's own switch works as before, with or without the store.
 */
final class TeamKillSwitch implements SharedKillSwitch.Watcher {
    private static final Logger log = LoggerFactory.getLogger(TeamKillSwitch.class);
    private final KillSwitch killSwitch;

    private TeamKillSwitch(KillSwitch killSwitch) {
        this.killSwitch = killSwitch;
    }

    /** Watches {@code store}'s shared switch for {@code killSwitch}; close the result to stop. */
    static AutoCloseable watch(FaultlineStore store, KillSwitch killSwitch) throws StoreException {
        SharedKillSwitch shared = new SharedKillSwitch(store);
        // latched here by a team press that was released while this desktop was not running
        if (shared.engaged().isEmpty()
                && killSwitch
                        .engagement()
                        .map(e -> e.reason().contains(FROM_TEAM))
                        .orElse(false)) {
            killSwitch.release("the team's kill switch was released while this desktop was away");
        }
        return shared.watch(new TeamKillSwitch(killSwitch));
    }

    private static final String FROM_TEAM = " from the team's store: ";

    @Override
    public void pressed(SharedKillSwitch.Press press) {
        killSwitch.halt(HaltReason.killSwitch("HALT by " + press.by() + FROM_TEAM + press.reason()));
    }

    @Override
    public void released(String by, String reason) {
        if (killSwitch.release("released by " + by + " on the team's store: " + reason)) {
            log.warn("the team's kill switch was released by {}: {}", by, reason);
        }
    }
}
