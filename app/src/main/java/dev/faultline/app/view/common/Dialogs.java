package dev.faultline.app.view.common;

import javafx.scene.control.Alert;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors as people read them: the message in the dialog, the stack trace only in the log. */
public final class Dialogs {
    private static final Logger log = LoggerFactory.getLogger(Dialogs.class);

    private Dialogs() {}

    public static void error(String what, @Nullable Throwable e) {
        log.warn("{}", what, e);
        Alert a = new Alert(Alert.AlertType.ERROR, message(e));
        a.setHeaderText(what);
        a.getDialogPane().setMinWidth(520);
        a.show();
    }

    public static String message(@Nullable Throwable e) {
        if (e == null) {
            return "no detail";
        }
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
