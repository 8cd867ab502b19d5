package dev.faultline.app.view.editor;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Where the editor's parts go for the width it has. Wide (a 1440 px window): the timeline with the
 * YAML beside it, the experiment's forms below, the selected block's properties on the right.
 * Narrow (a 1024 px window): the timeline over one row of tabs (the block, the experiment's forms,
 * the YAML), each then as wide as the timeline; choosing a block on the timeline shows its tab.
 * Nothing is hidden, only moved; the palette stays on the left in both.
 */
final class EditorLayout {
    /** Below this width of the editor the parts beside the timeline become tabs under it. */
    static final double WIDE_FROM = 1100;
    /** Narrow: the timeline's share of the height over the block's and the experiment's forms. */
    static final double NARROW_SPLIT = 0.5;
    /** Narrow, the YAML tab shown: the timeline keeps its first lanes, the YAML gets the rest. */
    static final double NARROW_YAML_SPLIT = 0.3;

    private final BorderPane editor;
    private final Node timeline;
    private final Region yaml;
    private final ScrollPane block;
    private final TabPane forms;
    // Each arrangement's split panes keep their items (holders the parts move between), so their
    // dividers stay where they were put.
    private final StackPane wideTimeline = new StackPane();
    private final StackPane wideYaml = new StackPane();
    private final StackPane wideForms = new StackPane();
    private final SplitPane wideCentre;
    private final StackPane narrowTimeline = new StackPane();
    private final StackPane narrowForms = new StackPane();
    private final SplitPane narrowCentre;
    private final Tab blockTab = new Tab("Block");
    private final Tab yamlTab = new Tab("YAML");
    private boolean wide;

    EditorLayout(BorderPane editor, Node timeline, Region yaml, ScrollPane block, TabPane forms) {
        this.editor = editor;
        this.timeline = timeline;
        this.yaml = yaml;
        this.block = block;
        this.forms = forms;
        blockTab.setId("block-tab");
        yamlTab.setId("yaml-tab");
        SplitPane top = new SplitPane(wideTimeline, wideYaml);
        top.setDividerPositions(0.6);
        wideCentre = new SplitPane(top, wideForms);
        wideCentre.setOrientation(Orientation.VERTICAL);
        wideCentre.setDividerPositions(0.66);
        narrowCentre = new SplitPane(narrowTimeline, narrowForms);
        narrowCentre.setOrientation(Orientation.VERTICAL);
        narrowCentre.setDividerPositions(NARROW_SPLIT);
        // a YAML of a dozen lines and more does not read in half a short window: it gets more room
        forms.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> roomFor(t));
        for (SplitPane p : new SplitPane[] {wideCentre, narrowCentre}) {
            p.setMinWidth(0);
        }
        wide = true;
        narrow(); // until the editor has a width: the layout that fits anywhere
        editor.widthProperty().addListener((o, a, w) -> fit(w.doubleValue()));
    }

    /** Arranges the parts for {@code width}. */
    void fit(double width) {
        if (width <= 0) {
            return;
        }
        if (width >= WIDE_FROM) {
            wide();
        } else {
            narrow();
        }
    }

    /** True while the YAML and the block's properties are beside the timeline, not tabs under it. */
    boolean isWide() {
        return wide;
    }

    /** Shows the selected block's properties: its tab when they are one (a block chosen on the timeline). */
    void showBlock() {
        if (!wide) {
            forms.getSelectionModel().select(blockTab);
        }
    }

    /** Narrow: moves the divider for the tab shown, unless the user has put it somewhere else. */
    private void roomFor(Tab shown) {
        if (wide) {
            return;
        }
        double at = narrowCentre.getDividers().getFirst().getPosition();
        if (Math.abs(at - NARROW_SPLIT) < 0.02 || Math.abs(at - NARROW_YAML_SPLIT) < 0.02) {
            narrowCentre.setDividerPositions(shown == yamlTab ? NARROW_YAML_SPLIT : NARROW_SPLIT);
        }
    }

    private void wide() {
        if (wide) {
            return;
        }
        wide = true;
        Tab shown = forms.getSelectionModel().getSelectedItem();
        forms.getTabs().removeAll(blockTab, yamlTab);
        blockTab.setContent(null);
        yamlTab.setContent(null);
        if (shown == blockTab || shown == yamlTab) {
            forms.getSelectionModel().select(0);
        }
        wideTimeline.getChildren().setAll(timeline);
        wideYaml.getChildren().setAll(yaml);
        wideForms.getChildren().setAll(forms);
        editor.setCenter(wideCentre);
        editor.setRight(block);
    }

    private void narrow() {
        if (!wide) {
            return;
        }
        wide = false;
        editor.setRight(null);
        wideYaml.getChildren().clear();
        blockTab.setContent(block);
        yamlTab.setContent(yaml);
        forms.getTabs().addFirst(blockTab);
        forms.getTabs().add(yamlTab);
        narrowTimeline.getChildren().setAll(timeline);
        narrowForms.getChildren().setAll(forms);
        editor.setCenter(narrowCentre);
        roomFor(forms.getSelectionModel().getSelectedItem());
    }
}
