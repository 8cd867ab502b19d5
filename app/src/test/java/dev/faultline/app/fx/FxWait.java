package dev.faultline.app.fx;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** The bounded wait of the headless (Monocle) UI tests. */
public final class FxWait {
    private FxWait() {}

    /**
     * Waits until {@code condition} holds, at most {@code seconds}, then until the FX thread has done
     * what it was doing when it came true; on a timeout, fails naming {@code what} and what any open
     * dialog says.
     */
    public static void waitFor(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what + dialogs(), e);
        }
    }

    /** What the dialogs open say, for a failure's message. */
    private static String dialogs() {
        StringBuilder b = new StringBuilder();
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d) {
                b.append("; a dialog says: ")
                        .append(d.getHeaderText())
                        .append(": ")
                        .append(d.getContentText());
            }
        }
        return b.toString();
    }
}
