package dev.faultline.app;

import dev.faultline.engine.env.Environments;

/** What the command-line tests may ask of {@link SandboxPrometheus}. */
public final class SandboxPrometheusAccess {
    private SandboxPrometheusAccess() {}

    public static boolean binaryInstalled() {
        return SandboxPrometheus.binary().isPresent();
    }

    public static boolean answers() {
        return SandboxSession.answers(Environments.SANDBOX_PROMETHEUS + "/-/ready");
    }
}
