package dev.faultline.app.view.settings;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Settings screen's "Shared store (team mode)" section: {@link SharedStoreForm} as fields and buttons. */
final class SharedStorePane {
    private SharedStorePane() {}

    static Node of(SharedStoreForm f) {
        TextField url = field(f.urlProperty(), "store-url", "jdbc:postgresql://db.example.com:5432/faultline");
        TextField user = field(f.userProperty(), "store-user", "the PostgreSQL login, e.g. faultline_alice");
        TextField password =
                field(f.passwordProperty(), "store-password", "env:FAULTLINE_STORE_PASSWORD or file:/path");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, label("JDBC URL", url), url);
        g.addRow(1, label("User", user), user);
        g.addRow(2, label("Password", password), password);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Label tls = new Label();
        tls.setId("store-tls");
        tls.setWrapText(true);
        tls.getStyleClass().add("muted");
        tls.textProperty().bind(f.tlsProperty());
        Label hint = new Label(
                "A team shares runs, notes and the kill switch through a PostgreSQL server it already"
                        + " runs (docs/team-mode.md). The password is given as a reference to where it is kept, never in clear.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        Button test = new Button("Test connection");
        test.setId("test-store");
        test.setTooltip(
                new Tooltip("Logs in with these settings and says what works or what is wrong; changes nothing"));
        test.disableProperty().bind(f.testingProperty());
        test.setOnAction(e -> f.test());
        Button save = new Button("Use this shared store");
        save.setId("save-store");
        save.setOnAction(e -> f.save());
        Button local = new Button("Use this desktop's database");
        local.setId("local-store");
        local.setOnAction(e -> f.useLocal());
        Label result = new Label();
        result.setId("store-result");
        result.setWrapText(true);
        result.textProperty().bind(f.resultProperty());
        for (Region r : new Region[] {test, save, local}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane buttons = new FlowPane(8, 6, test, save, local);
        buttons.setPrefWrapLength(180);
        return new VBox(8, g, tls, hint, buttons, result);
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
