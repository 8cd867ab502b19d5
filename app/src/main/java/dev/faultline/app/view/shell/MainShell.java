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
    private final Map<Screen, EditHistoryKeys> histories = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(Screen.HOME);
    private final KillSwitchButton killSwitch;
    private final VBox navigation;
    private Runnable onQuit = () -> {};
    private final javafx.scene.control.Menu file = new javafx.scene.control.Menu("File");
    private @org.jspecify.annotations.Nullable Screen pending;

    public MainShell(KillSwitch ks, ZoneId zone, BooleanProperty dark) {
        getStyleClass().add("shell");
        killSwitch = new KillSwitchButton(ks, zone);
        setTop(new VBox(menus(dark), header(zone, dark), haltBanner()));
        navigation = navigation();
        setLeft(navigation);
        setCenter(content);
    }

    private HBox header(ZoneId zone, BooleanProperty dark) {
        Label title = new Label("Faultline");
        title.getStyleClass().add("app-title");
        Label sub = new Label("chaos GameDays · times in " + zone.getId());
        sub.getStyleClass().add("header-muted");
        ToggleButton theme =
                new ToggleButton("", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.THEME_LIGHT_DARK));
        theme.selectedProperty().bindBidirectional(dark);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setAccessibleText("Dark theme");
        theme.getStyleClass().add("header-button");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // Only the muted subtitle may shrink: the name, the theme switch and the kill switch keep their size.
        title.setMinWidth(Region.USE_PREF_SIZE);
        theme.setMinWidth(Region.USE_PREF_SIZE);
        killSwitch.setMinWidth(Region.USE_PREF_SIZE);
        sub.setMinWidth(0);
        HBox h = new HBox(14, title, sub, grow, theme, killSwitch);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }

    /**
     * The kill switch's banner under the header while it is engaged: since when and why, which faults
     * were reverted and which were not, and where the release is (the latched button: no second one here).
     */
    private HBox haltBanner() {
        Label text = new Label();
        text.setId("halt-banner-text");
        text.setWrapText(true);
        javafx.beans.binding.StringBinding said = javafx.beans.binding.Bindings.createStringBinding(
                () -> String.join(
                        "\n",
                        java.util.stream.Stream.of(
                                        killSwitch.bannerProperty().get(),
                                        killSwitch.teamProperty().get())
                                .filter(x -> !x.isEmpty())
                                .toList()),
                killSwitch.bannerProperty(),
                killSwitch.teamProperty());
        text.textProperty().bind(said);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(12, text);
        banner.setId("halt-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("halt-banner");
        banner.setPadding(new Insets(8, 16, 8, 16));
        javafx.beans.binding.BooleanBinding shown = said.isNotEmpty();
        banner.visibleProperty().bind(shown);
        banner.managedProperty().bind(shown);
        banner.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        banner.accessibleTextProperty().bind(said);
        return banner;
    }

    /**
     * The menu bar (the system's own on macOS): the kill switch is in it too, so it is in reach from
     * the keyboard (F10) and from the menus as well as the button and Ctrl+Shift+K.
     */
    private javafx.scene.control.MenuBar menus(BooleanProperty dark) {
        javafx.scene.control.MenuItem halt =
                new javafx.scene.control.MenuItem("HALT ALL: stop every run, revert every fault");
        halt.setAccelerator(new KeyCodeCombination(
                javafx.scene.input.KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        halt.setOnAction(e -> killSwitch.press());
        javafx.scene.control.MenuItem release = new javafx.scene.control.MenuItem("Release the kill switch…");
        release.setOnAction(e -> killSwitch.askRelease());
        javafx.scene.control.Menu run = new javafx.scene.control.Menu("Kill switch", null, halt, release);
        javafx.scene.control.Menu view = new javafx.scene.control.Menu("View");
        for (Screen s : Screen.values()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(s.title());
            item.setAccelerator(new KeyCodeCombination(s.key(), KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> show(s));
            view.getItems().add(item);
        }
        javafx.scene.control.CheckMenuItem theme = new javafx.scene.control.CheckMenuItem("Dark theme");
        theme.selectedProperty().bindBidirectional(dark);
        view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), theme);
        javafx.scene.control.MenuItem quit = new javafx.scene.control.MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(javafx.scene.input.KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> onQuit.run());
        javafx.scene.control.MenuItem about = new javafx.scene.control.MenuItem("About Faultline");
        about.setOnAction(e -> AboutDialog.show());
        javafx.scene.control.Menu help = new javafx.scene.control.Menu("Help", null, about);
        javafx.scene.control.MenuBar bar = new javafx.scene.control.MenuBar(file, run, view, help);
        file.getItems().add(quit);
        bar.setUseSystemMenuBar(true);
        return bar;
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
        if (s == current.get() || s == pending) {
            show(s);
        }
    }

    public void show(Screen s) {
        Node view = screens.get(s);
        if (view == null) {
            pending = s; // not built yet: shown as soon as it is
            return;
        }
        pending = null;
        content.getChildren().setAll(view);
        buttons.get(s).setSelected(true);
        current.set(s);
        // The focus goes into the screen shown, not back to the header (where Enter would toggle the theme).
        javafx.application.Platform.runLater(() -> focusInto(view));
    }

    private void focusInto(Node view) {
        Scene scene = getScene();
        if (scene == null || !content.getChildren().contains(view)) {
            return;
        }
        Node owner = scene.getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == view || n == navigation) {
                return; // already in the screen, or on the navigation the user is moving through
            }
        }
        Node first = firstFocusable(view);
        if (first != null) {
            first.requestFocus();
        }
    }

    private static @org.jspecify.annotations.Nullable Node firstFocusable(Node n) {
        if (n.isFocusTraversable() && n.isVisible() && !n.isDisabled()) {
            return n;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstFocusable(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The window-wide shortcuts: the kill switch and the screens. */
    public void installShortcuts(Scene scene) {
        // A filter, not an accelerator: it sees the keys before any focused control can consume them.
        KeyCodeCombination halt = new KeyCodeCombination(
                javafx.scene.input.KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (halt.match(e)) {
                killSwitch.press();
                e.consume();
            }
        });
        // the screens' shortcuts are the View menu's accelerators
        // Undo and redo: wherever the focus is on a screen with an edit history (a form's field, the
        // YAML, the timeline), the keys go to that one history, before a text field's own undo.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            EditHistoryKeys h = histories.get(current.get());
            if (h != null && h.handle(e)) {
                e.consume();
            }
        });
    }

    /** Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z go to {@code undo} and {@code redo} while {@code s} is shown. */
    public void editHistory(Screen s, Runnable undo, Runnable redo) {
        histories.put(s, new EditHistoryKeys(undo, redo));
    }

    /** Puts the documents' items (New, Open, Save, Save As, Open Recent) in the File menu, above Quit. */
    public void addFileItems(java.util.List<javafx.scene.control.MenuItem> items) {
        file.getItems().addAll(file.getItems().size() - 1, items);
        file.getItems().add(file.getItems().size() - 1, new javafx.scene.control.SeparatorMenuItem());
    }

    /** What File > Quit does: the window's own close, which asks first while a run is active. */
    public void setOnQuit(Runnable quit) {
        onQuit = quit;
    }

    public KillSwitchButton killSwitch() {
        return killSwitch;
    }
}
