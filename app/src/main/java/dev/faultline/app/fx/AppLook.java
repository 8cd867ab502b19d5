package dev.faultline.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.YourName;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * The person's own settings kept in the app's settings file: the theme, the text size and your name;
 * each change applied at once and kept for next time.
 */
final class AppLook {
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty textSize = new SimpleIntegerProperty(14);
    private final StringProperty yourName = new SimpleStringProperty("");
    private final Stage stage;

    AppLook(AppPreferences prefs, Stage stage) {
        this.stage = stage;
        dark.set(prefs.darkTheme());
        applyTheme();
        dark.addListener((o, a, b) -> {
            prefs.setDarkTheme(b);
            applyTheme();
        });
        textSize.set(prefs.textSize());
        textSize.addListener((o, a, b) -> prefs.setTextSize(b.intValue()));
        yourName.set(prefs.yourName(YourName::ofThisAccount));
        yourName.addListener((o, a, b) -> prefs.setYourName(b));
    }

    /** Sizes {@code root}'s text now and whenever the text size changes. */
    void sizeText(Parent root) {
        root.setStyle("-fx-font-size: " + textSize.get() + "px;");
        textSize.addListener((o, a, b) -> root.setStyle("-fx-font-size: " + b + "px;"));
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(
                dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (stage.getScene() != null) {
            stage.getScene().getRoot().pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), dark.get());
        }
    }

    BooleanProperty dark() {
        return dark;
    }

    IntegerProperty textSize() {
        return textSize;
    }

    /** Your name as set in Settings (may be blank). */
    StringProperty yourName() {
        return yourName;
    }

    /** The author of what you write: your name, else your OS user name. */
    String author() {
        return YourName.orAccount(yourName.get());
    }
}
