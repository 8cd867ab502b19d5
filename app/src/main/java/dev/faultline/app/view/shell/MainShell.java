package dev.faultline.app.view.shell;

import dev.faultline.engine.safety.KillSwitch;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window around the screens: the header with the kill switch (on every screen, also
 * Ctrl+Shift+K), navigation on the left (Ctrl+1 … Ctrl+6), the current screen in the middle.
 */
public final class MainShell extends BorderPane {
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(Screen.HOME);
    private final KillSwitchButton killSwitch;

    public MainShell(KillSwitch ks, ZoneId zone, BooleanProperty dark) {
        getStyleClass().add("shell");
        killSwitch = new KillSwitchButton(ks);
        setTop(header(zone, dark));
        setLeft(navigation());
        setCenter(content);
    }

    private HBox header(ZoneId zone, BooleanProperty dark) {
        Label title = new Label("Faultline");
        title.getStyleClass().add("app-title");
        Label sub = new Label("chaos GameDays · times in " + zone.getId());
        sub.getStyleClass().add("header-muted");
        ToggleButton theme = new ToggleButton("", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.THEME_LIGHT_DARK));
        theme.selectedProperty().bindBidirectional(dark);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setAccessibleText("Dark theme");
        theme.getStyleClass().add("header-button");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox h = new HBox(14, title, sub, grow, theme, killSwitch);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }

    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title(), new FontIcon(s.icon()));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setTooltip(new Tooltip(s.title() + " (Ctrl+" + (s.ordinal() + 1) + ")"));
            b.setOnAction(e -> show(s));
            buttons.put(s, b);
            nav.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, n) -> {
            if (n == null) {
                a.setSelected(true); // one screen is always shown
            }
        });
        return nav;
    }

    public void put(Screen s, Node view) {
        screens.put(s, view);
        if (s == current.get()) {
            show(s);
        }
    }

    public void show(Screen s) {
        Node view = screens.get(s);
        if (view == null) {
            return;
        }
        content.getChildren().setAll(view);
        buttons.get(s).setSelected(true);
        current.set(s);
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The window-wide shortcuts: the kill switch and the screens. */
    public void installShortcuts(Scene scene) {
        // A filter, not an accelerator: it sees the keys before any focused control can consume them.
        KeyCodeCombination halt = new KeyCodeCombination(javafx.scene.input.KeyCode.K, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (halt.match(e)) {
                killSwitch.press();
                e.consume();
            }
        });
        for (Screen s : Screen.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(s.key(), KeyCombination.SHORTCUT_DOWN), () -> show(s));
        }
    }

    public KillSwitchButton killSwitch() {
        return killSwitch;
    }
}
