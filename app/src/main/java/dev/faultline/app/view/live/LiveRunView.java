package dev.faultline.app.view.live;

import dev.faultline.app.view.common.RunStatusStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The live run: one chart per probe, the phase and elapsed time, the event log, and the scribe's
 * notes box. Binds to a {@link LiveRunViewModel}; repaints once per batch of events.
 */
public final class LiveRunView extends BorderPane {
    private final LiveRunViewModel model;
    private final TimeZone zone;
    private final BooleanProperty dark;
    private final TilePane charts = new TilePane();
    private final List<LiveChart> probeCharts = new ArrayList<>();
    private final Label elapsed = new Label();
    /** The side (plan, log, notes) never narrower than this: at 1024 px its lines would wrap word by word. */
    static final double SIDE_MIN_WIDTH = 300;

    private static final double SIDE_PREF_WIDTH = 360;
    private static final double CHARTS_MIN_WIDTH = 420;
    /** Two charts side by side only where each is this wide. */
    static final double CHART_MIN_WIDTH = 320;
    /** No chart lower than this; more rows than two scroll. */
    static final double CHART_MIN_HEIGHT = 200;

    public LiveRunView(
            LiveRunViewModel model, TimeZone zone, BooleanProperty dark, BiConsumer<Instant, String> onNote) {
        this(model, zone, dark, onNote, new javafx.beans.property.SimpleBooleanProperty(false), () -> {});
    }

    /**
     * @param engaged whether the kill switch is engaged: a paused GameDay can go on only once it is released
     * @param release asks for the kill switch's release (the shell's dialog)
     */
    public LiveRunView(
            LiveRunViewModel model,
            TimeZone zone,
            BooleanProperty dark,
            BiConsumer<Instant, String> onNote,
            javafx.beans.value.ObservableBooleanValue engaged,
            Runnable release) {
        this(model, zone, dark, onNote, engaged, release, () -> {});
    }

    /** @param revertHeld reverts from here what a followed run's silent runner holds on reachable backends */
    public LiveRunView(
            LiveRunViewModel model,
            TimeZone zone,
            BooleanProperty dark,
            BiConsumer<Instant, String> onNote,
            javafx.beans.value.ObservableBooleanValue engaged,
            Runnable release,
            Runnable revertHeld) {
        this.model = model;
        this.zone = zone;
        this.dark = dark;
        getStyleClass().add("live-run");
        setTop(header());
        charts.setPrefColumns(2);
        charts.setTileAlignment(javafx.geometry.Pos.TOP_LEFT);
        charts.setHgap(12);
        charts.setVgap(12);
        charts.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // one probe gets the whole width; more share it two by two where two fit, else one under the other
        charts.prefTileWidthProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> (scroll.getWidth() - 40)
                                / columns(scroll.getWidth() - 40, model.tracks().size()),
                        scroll.widthProperty(),
                        model.tracks()));
        // and the height: one or two rows fill what is shown, more rows scroll at half of it each
        charts.prefTileHeightProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> chartHeight(
                                scroll.getViewportBounds().getHeight(),
                                model.tracks().size(),
                                columns(scroll.getWidth() - 40, model.tracks().size())),
                        scroll.viewportBoundsProperty(),
                        scroll.widthProperty(),
                        model.tracks()));
        Label empty = new Label();
        empty.textProperty().bind(model.chartsPlaceholder());
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.setPadding(new Insets(0, 24, 0, 24));
        StackedPlaceholder stack = new StackedPlaceholder(scroll, empty, model.tracks());
        VBox side = side(onNote);
        // the log and the plan stay readable at 1024 px: the side keeps its width, the charts get the rest
        side.setMinWidth(SIDE_MIN_WIDTH);
        side.setPrefWidth(SIDE_PREF_WIDTH);
        // a paused day's question sits above the charts, not above the side: at 1024x700 the side kept
        // a line or two of the event log under it, when the log is what the leader reads then
        VBox left = new VBox(
                new SilentRunnerPane(model.follow(), revertHeld), new PausedDayPane(model, engaged, release), stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        left.setMinWidth(CHARTS_MIN_WIDTH);
        SplitPane.setResizableWithParent(side, false);
        SplitPane split = new SplitPane(left, side);
        split.setDividerPositions(0.7);
        setCenter(split);
        model.tracks().addListener((ListChangeListener<ProbeTrack>) c -> rebuildCharts());
        model.revisionProperty().addListener((o, a, b) -> repaint());
        dark.addListener((o, a, b) -> probeCharts.forEach(pc -> pc.setPalette(palette())));
        Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> showElapsed()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        rebuildCharts();
    }

    private HBox header() {
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label phase = new Label();
        phase.textProperty().bind(model.phaseProperty());
        phase.getStyleClass().add("phase");
        phase.setAccessibleHelp("The run's current phase");
        // the outcome's colour (STOPPED in the danger colour, not the phase's accent): one mapping for every screen
        phase.textProperty().addListener((o, a, b) -> RunStatusStyle.apply(phase.getStyleClass(), b == null ? "" : b));
        RunStatusStyle.apply(phase.getStyleClass(), phase.getText());
        Label verdict = new Label();
        verdict.textProperty().bind(model.verdictProperty());
        verdict.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        elapsed.getStyleClass().add("elapsed");
        elapsed.setTooltip(new Tooltip("Time since the run started"));
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("gameday-progress");
        progress.textProperty().bind(model.progressProperty());
        progress.getStyleClass().add("gameday-progress");
        progress.setWrapText(true);
        progress.visibleProperty().bind(model.progressProperty().isNotEmpty());
        progress.managedProperty().bind(progress.visibleProperty());
        javafx.scene.control.ProgressBar starting = new javafx.scene.control.ProgressBar();
        starting.setId("run-starting");
        starting.setPrefWidth(280);
        starting.setAccessibleText("Starting the sandbox and what the run needs");
        starting.visibleProperty().bind(model.preparingProperty());
        starting.managedProperty().bind(starting.visibleProperty());
        Label stage = new Label();
        stage.setId("rollout-stage");
        stage.textProperty().bind(model.stageProperty());
        stage.getStyleClass().add("rollout-stage");
        stage.setWrapText(true);
        stage.setAccessibleHelp("The progressive rollout's stage in effect and the next");
        stage.visibleProperty().bind(model.stageProperty().isNotEmpty());
        stage.managedProperty().bind(stage.visibleProperty());
        VBox left = new VBox(4, following(), progress, title, phase, stage, starting, verdict, behind());
        HBox h = new HBox(16, left, grow, elapsed);
        h.setPadding(new Insets(12, 16, 8, 16));
        return h;
    }

    /** Team mode: whose run this is, when another desktop runs it. */
    private Label following() {
        Label l = new Label();
        l.setId("following");
        l.textProperty().bind(model.followingProperty());
        l.getStyleClass().add("following");
        l.setWrapText(true);
        l.visibleProperty().bind(model.followingProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Team mode: how far behind the runner a followed run is, when its news is late. */
    private Label behind() {
        Label l = new Label();
        l.setId("following-behind");
        l.textProperty().bind(model.behindProperty());
        l.getStyleClass().add("danger");
        l.setWrapText(true);
        l.visibleProperty().bind(model.behindProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private VBox side(BiConsumer<Instant, String> onNote) {
        Label heading = new Label("Event log");
        heading.getStyleClass().add("section");
        ListView<String> log = new ListView<>(model.log());
        log.setAccessibleText("Event log of the run");
        log.getStyleClass().add("event-log");
        log.setCellFactory(l -> new WrappedLine(l));
        LogFollower follower = new LogFollower(log);
        Button latest = new Button();
        latest.setId("log-jump-to-latest");
        latest.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> "Jump to latest"
                                + (follower.unseenProperty().get() == 0
                                        ? ""
                                        : " (" + follower.unseenProperty().get() + " new)"),
                        follower.unseenProperty()));
        latest.setAccessibleText("Jump to the newest line of the event log, and follow it again");
        latest.setTooltip(new Tooltip("The log keeps your place while you read; this goes back to the newest line"));
        latest.setOnAction(e -> {
            follower.jumpToLatest();
            log.requestFocus();
        });
        latest.visibleProperty().bind(follower.followingProperty().not());
        latest.managedProperty().bind(latest.visibleProperty());
        latest.getStyleClass().addAll("small", "accent");
        StackPane logArea = new StackPane(log, latest);
        StackPane.setAlignment(latest, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(latest, new Insets(0, 18, 8, 0));
        TextField note = new TextField();
        note.setPromptText("Observation for the timeline (Enter to add)");
        note.setAccessibleText("Scribe's observation");
        note.setTooltip(new Tooltip("What you see right now: it is stored with the run and marked on every chart"));
        note.setOnAction(e -> {
            String text = note.getText().strip();
            if (!text.isEmpty()) {
                onNote.accept(Instant.now(), text);
                note.clear();
            }
        });
        Label noteHeading = new Label("Scribe's notes");
        noteHeading.getStyleClass().add("section");
        Label planHeading = new Label("GameDay plan");
        planHeading.getStyleClass().add("section");
        ListView<String> plan = new ListView<>(model.plan());
        plan.setId("gameday-plan");
        plan.setAccessibleText("The GameDay's experiments and their results");
        plan.setCellFactory(l -> new WrappedLine(l));
        plan.setPrefHeight(210); // four results of a day, wrapped, without scrolling
        plan.setMinHeight(90); // three of a day's experiments in view at 1024x700, the rest one scroll away
        javafx.beans.binding.BooleanBinding dayShown = javafx.beans.binding.Bindings.isNotEmpty(model.plan());
        for (javafx.scene.Node n : List.of(planHeading, plan)) {
            n.visibleProperty().bind(dayShown);
            n.managedProperty().bind(dayShown);
        }
        VBox v = new VBox(8, planHeading, plan, heading, logArea, noteHeading, note);
        VBox.setVgrow(logArea, Priority.ALWAYS);
        log.setMinHeight(120); // six lines of the log, whatever else the side shows
        v.setPadding(new Insets(8, 12, 12, 12));
        return v;
    }

    /** A list line shown whole: wrapped to the list's width, never cut off. */
    private static final class WrappedLine extends javafx.scene.control.ListCell<String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappedLine(ListView<String> list) {
            text.wrappingWidthProperty().bind(list.widthProperty().subtract(32));
            text.getStyleClass().add("text");
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            text.setText(empty || line == null ? "" : line);
            setText(null);
            setGraphic(empty || line == null ? null : text);
        }

        /**
         * As high as the line's wrapped text: the theme gives every list cell one size (two lines'
         * worth), which leaves a blank line under each one-line entry and cuts a longer one.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            return Math.ceil(text.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset();
        }
    }

    private ChartPalette palette() {
        return dark.get() ? ChartPalette.dark() : ChartPalette.light();
    }

    private void rebuildCharts() {
        charts.getChildren().clear();
        probeCharts.clear();
        for (ProbeTrack t : model.tracks()) {
            LiveChart chart = new LiveChart(t, zone.toZoneId(), palette());
            chart.setMinHeight(CHART_MIN_HEIGHT);
            chart.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    openDetail(t);
                }
            });
            javafx.scene.control.Tooltip.install(
                    chart, new Tooltip("Double-click for a chart you can zoom, pan and save"));
            probeCharts.add(chart);
            charts.getChildren().add(chart);
        }
        repaint();
    }

    /** Charts side by side: two where each gets {@link #CHART_MIN_WIDTH}, else one (its labels stay whole). */
    static int columns(double width, int charts) {
        return charts >= 2 && width / 2 >= CHART_MIN_WIDTH ? 2 : 1;
    }

    /**
     * A chart's height: up to two rows share the height shown (8 px of padding, 12 between rows);
     * more rows scroll, each half of it.
     */
    static double chartHeight(double shown, int charts, int columns) {
        int rows = Math.max(1, Math.min(2, (charts + columns - 1) / columns));
        return Math.max(CHART_MIN_HEIGHT, (shown - 8 - 12 * (rows - 1)) / rows);
    }

    private void repaint() {
        var spans = model.spans();
        var marks = model.marks();
        for (int i = 0; i < probeCharts.size() && i < model.tracks().size(); i++) {
            probeCharts.get(i).update(model.tracks().get(i), spans, marks);
        }
        showElapsed();
    }

    private void showElapsed() {
        model.tick(System.currentTimeMillis());
        long start = model.startedAtProperty().get();
        if (start == 0) {
            elapsed.setText("");
            return;
        }
        Duration d = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - start));
        if (model.runningProperty().get()) {
            elapsed.setText(String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart()));
        }
    }

    /** The probe as a JFreeChart window: zoom with the mouse, pan, save as PNG or SVG. */
    private void openDetail(ProbeTrack t) {
        ProbeChart pc = new ProbeChart(t.name(), t.probe().expectText(), zone, palette());
        pc.update(t, model.spans(), model.marks());
        javafx.stage.Stage s = new javafx.stage.Stage();
        s.setTitle(t.name() + " · Faultline");
        s.setScene(new javafx.scene.Scene(new ChartViewer(pc.chart()), 1000, 560));
        s.initOwner(getScene().getWindow());
        s.show();
    }

    /** Number of charts shown, for tests. */
    public int chartCount() {
        return probeCharts.size();
    }

    /** The charts, for tests and screenshots. */
    public List<LiveChart> probeCharts() {
        return List.copyOf(probeCharts);
    }
}
