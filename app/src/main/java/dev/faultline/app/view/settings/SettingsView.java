package dev.faultline.app.view.settings;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.BackendSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Settings: theme, data folder, time zone, and the environments with their backends' settings.
 * Values that look like secrets are shown masked.
 */
public final class SettingsView extends VBox {

    public SettingsView(BooleanProperty dark, Path dataFolder, ZoneId zone, Collection<Environment> environments) {
        getStyleClass().add("settings");
        setSpacing(14);
        setPadding(new Insets(20, 24, 20, 24));
        Label heading = new Label("Settings");
        heading.getStyleClass().add("title-3");
        CheckBox darkBox = new CheckBox("Dark theme");
        darkBox.selectedProperty().bindBidirectional(dark);
        darkBox.setTooltip(new Tooltip("Switch between the light and the dark theme (saved for next time)"));
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, bold("Data folder"), new Label(dataFolder.toString()));
        facts.addRow(1, bold("Times shown in"), new Label(zone.getId()));
        Label envHeading = new Label("Environments");
        envHeading.getStyleClass().add("section");
        TextArea envs = new TextArea(describe(environments));
        envs.setEditable(false);
        envs.setId("environments");
        envs.setAccessibleText("Environments and their backends' settings");
        envs.getStyleClass().add("yaml-text");
        envs.setPrefRowCount(14);
        getChildren().addAll(heading, darkBox, facts, envHeading, envs);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    static String describe(Collection<Environment> environments) {
        StringBuilder b = new StringBuilder();
        for (Environment e : environments) {
            b.append(e.name()).append(e.production() ? "  (PRODUCTION: every run asks for confirmation)" : "")
                    .append(e.sandbox() ? "  (starts the local sandbox)" : "").append('\n');
            for (BackendSettings s : new TreeMap<>(e.backends()).values()) {
                b.append("  ").append(s.backend()).append(":\n");
                for (Map.Entry<String, String> v : new TreeMap<>(s.values().values()).entrySet()) {
                    b.append("    ").append(v.getKey()).append(": ").append(mask(v.getKey(), v.getValue())).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Settings hold references, never secrets; anything named like one is masked all the same. */
    static String mask(String key, String value) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        boolean secret = k.contains("token") || k.contains("secret") || k.contains("password") || k.contains("webhook");
        return secret && !value.startsWith("env:") && !value.startsWith("file:") ? "****" : value;
    }
}
