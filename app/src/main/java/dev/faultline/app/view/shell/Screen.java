package dev.faultline.app.view.shell;

import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The screens of the window, in navigation order, each with its shortcut (Ctrl+digit). */
public enum Screen {
    HOME("Home", MaterialDesignH.HOME, KeyCode.DIGIT1),
    GAMEDAY("GameDay", MaterialDesignC.CALENDAR_STAR, KeyCode.DIGIT2),
    EDITOR("Experiments", MaterialDesignC.CHART_TIMELINE_VARIANT, KeyCode.DIGIT3),
    LIVE("Live run", MaterialDesignP.PULSE, KeyCode.DIGIT4),
    RETRO("Retrospective", MaterialDesignN.NOTEBOOK_EDIT_OUTLINE, KeyCode.DIGIT5),
    SETTINGS("Settings", MaterialDesignC.COG_OUTLINE, KeyCode.DIGIT6);

    private final String title;
    private final Ikon icon;
    private final KeyCode key;

    Screen(String title, Ikon icon, KeyCode key) {
        this.title = title;
        this.icon = icon;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public KeyCode key() {
        return key;
    }
}
