package dev.faultline.app.session;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.StoreException;
import dev.faultline.engine.store.TeamRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What must hold before a run or a GameDay starts, each refusal a {@link RunRefused} that says why:
 * a known environment, a login that may start runs, a kill switch that is released, and a person's
 * yes for a production environment.
 */
final class StartChecks {
    private StartChecks() {}

    /** The runbook's environment; refused, with every environment file's problems, when unknown. */
    static Environment environment(Composition c, String file, String name) throws RunRefused {
        return c.environments.find(name).orElseThrow(() -> {
            List<String> lines = new ArrayList<>();
            c.environmentProblems.forEach(p -> lines.add(p.toString()));
            lines.add(file + ": spec.environment: unknown environment '" + name + "' (known: " + c.environments.names()
                    + ")");
            return new RunRefused(RunRefused.Why.INVALID_INPUT, lines);
        });
    }

    /**
     * On a team's store whose roles the database enforces, refuses before anything is injected when
     * this login may not start runs (the database would refuse to record them, not to run them).
     */
    static void refuseWithoutRole(Composition c, @Nullable String gameDay) throws RunRefused, StoreException {
        FaultlineStore store = c.store();
        if (store.shared()) {
            Optional<String> no = store.roles().refusal(TeamRoles.Right.START_RUNS, gameDay);
            if (no.isPresent()) {
                throw new RunRefused(RunRefused.Why.COULD_NOT_RUN, no.get());
            }
        }
    }

    /**
     * Nothing starts while the kill switch is engaged, here or in another Faultline: refused before
     * the production question, the sandbox or anything else, saying since when, why and how to release.
     */
    static void refuseWhileEngaged(Composition c) throws RunRefused {
        try {
            c.killSwitch.ensureReleased();
        } catch (KillSwitchEngagedException ex) {
            throw new RunRefused(RunRefused.Why.COULD_NOT_RUN, String.valueOf(ex.getMessage()));
        }
    }

    /** A production environment runs only when the person confirms it. */
    static void confirmProduction(Environment env, SessionCallbacks.Subject subject, SessionCallbacks callbacks)
            throws RunRefused {
        try {
            if (env.production() && !callbacks.confirmProduction(env.name(), subject)) {
                throw new RunRefused(
                        RunRefused.Why.NOT_CONFIRMED,
                        "not run: '" + env.name()
                                + "' is a production environment and the " + (subject.gameDay() ? "GameDay" : "run")
                                + " was not confirmed");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RunRefused(RunRefused.Why.NOT_CONFIRMED, "not run: interrupted while asking for confirmation");
        }
    }
}
