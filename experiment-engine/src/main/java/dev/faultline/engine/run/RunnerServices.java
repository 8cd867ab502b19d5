package dev.faultline.engine.run;

import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.safety.Rollbacks;
import java.time.Clock;
import java.util.Objects;

/** What every run needs from the process around it; wired once by the composition root. */
public record RunnerServices(
        PluginCatalog plugins,
        FaultJournal journal,
        ActiveFaults active,
        Rollbacks rollbacks,
        BackendCalls calls,
        RevertPolicy policy,
        KillSwitch killSwitch,
        Clock clock) {
    public RunnerServices {
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(rollbacks, "rollbacks");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(killSwitch, "killSwitch");
        Objects.requireNonNull(clock, "clock");
    }
}
