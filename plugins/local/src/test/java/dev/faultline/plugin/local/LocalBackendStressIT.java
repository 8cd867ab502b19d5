package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;

/**
 * The backend contract for CPU stress with the default stressor (stress-ng where installed):
 * injected, reverted, reverted by a new backend from the handle alone, halted mid-injection.
 * {@link StressorsIT} measures what each stressor does.
 */
class LocalBackendStressIT extends FaultBackendContract {
    private final Target host = new Target("host", Params.of("name", "local"));

    @Override
    protected BackendSettings settings() {
        return BackendSettings.empty("local");
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
    }

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare("run1", "cpu", new StressFault.CpuStress(1, 30), host, 1.0, Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return !StressFaults.stressors(handle).isEmpty();
    }
}
