package dev.faultline.app.view.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The banner over a shipped runbook: it is read-only, and Save makes a copy in the user's folder. */
public final class ReadOnlyBanner {
    private ReadOnlyBanner() {}

    /** A banner showing {@code text}; hidden, taking no room, while it is empty. */
    public static Label of(ObservableStringValue text) {
        Label l = new Label("", new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setPadding(new Insets(6, 12, 6, 12));
        l.getStyleClass().addAll("read-only-banner");
        l.setId("read-only-banner");
        return l;
    }
}
