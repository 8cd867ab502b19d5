package dev.faultline.app.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (META-INF/services, junit-platform.properties): stops the fork's
 * shared sandbox before a class that is neither {@link ForkSandbox.Shared} nor {@link
 * ForkSandbox.Indifferent}, so such a class finds no sandbox running whatever ran before it in the
 * fork (its runs start and stop their own, as a user's would). After a {@link ForkSandbox.Shared}
 * class the sandbox idles ({@link ForkSandbox#idle()}) until the next class asks for it.
 */
public final class ForkSandboxGuard implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> c = context.getRequiredTestClass();
        if (!c.isAnnotationPresent(ForkSandbox.Shared.class) && !c.isAnnotationPresent(ForkSandbox.Indifferent.class)) {
            ForkSandbox.stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(ForkSandbox.Shared.class)) {
            ForkSandbox.idle();
        }
    }
}
