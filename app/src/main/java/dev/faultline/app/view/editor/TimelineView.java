package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.run.TimelinePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The method as lanes of blocks on a time axis. Drag a block to move it (it snaps to the grid),
 * drag its right edge to resize, drop a palette entry on a lane to add a fault; the lane below the
 * last is always free for a parallel fault. Works by keyboard: arrows move, Shift+arrows resize,
 * Up/Down change lane, Delete removes, Ctrl+D duplicates, Tab selects the next block (and leaves the
 * timeline after the last), +/- zoom, Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes.
 */
public final class TimelineView extends Pane {
    static final double RULER = 28;
    static final double LANE = 58;
    static final double LEFT = 76;
    private static final int[] TICKS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};

    private final EditorViewModel model;
    private final Consumer<String> say;
    private final DoubleProperty pixelsPerSecond = new SimpleDoubleProperty(14);
    private final List<TimelineBlock> blocks = new ArrayList<>();
    private double pressX;
    private double pressY;
    private double origX;
    private double origY;
    private double origW;
    private boolean resizing;
    private boolean dragged;

    public TimelineView(EditorViewModel model, Consumer<String> say) {
        this.model = model;
        this.say = say;
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        setAccessibleText("Timeline of the method: lanes of fault blocks");
        model.revisionProperty().addListener((o, a, b) -> render());
        model.selectedProperty()
                .addListener((o, a, b) ->
                        blocks.forEach(bl -> bl.setSelected(bl.step().equals(b))));
        pixelsPerSecond.addListener((o, a, b) -> render());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMousePressed(e -> requestFocus());
        render();
    }

    public DoubleProperty pixelsPerSecondProperty() {
        return pixelsPerSecond;
    }

    public void zoom(double factor) {
        pixelsPerSecond.set(Math.max(0.5, Math.min(80, pixelsPerSecond.get() * factor)));
    }

    /** Seconds of the grid blocks snap to at this zoom. */
    long snapSeconds() {
        double px = pixelsPerSecond.get();
        return px >= 6 ? 1 : px >= 1.5 ? 5 : 30;
    }

    private void render() {
        getChildren().clear();
        blocks.clear();
        Experiment e = model.experiment();
        if (e == null) {
            return;
        }
        TimelinePlan plan = TimelinePlan.of(e);
        int lanes = e.method().stream().mapToInt(MethodStep::lane).max().orElse(-1) + 2;
        double seconds = Math.max(60, plan.end().toSeconds() + 30);
        double px = pixelsPerSecond.get();
        double width = LEFT + seconds * px + 20;
        double height = RULER + lanes * LANE + 4;
        setPrefSize(width, height);
        setMinSize(width, height);
        for (int lane = 0; lane < lanes; lane++) {
            Rectangle r = new Rectangle(0, RULER + lane * LANE, width, LANE);
            r.getStyleClass().addAll("lane", lane % 2 == 0 ? "lane-even" : "lane-odd");
            Label name = new Label(lane == lanes - 1 ? "+ lane" : "lane " + lane);
            name.getStyleClass().add("lane-label");
            name.relocate(8, RULER + lane * LANE + LANE / 2 - 9);
            getChildren().addAll(r, name);
        }
        int tick = TICKS[TICKS.length - 1];
        for (int t : TICKS) {
            if (t * px >= 64) {
                tick = t;
                break;
            }
        }
        for (long s = 0; s <= seconds; s += tick) {
            double x = LEFT + s * px;
            Line l = new Line(x, RULER - 6, x, height);
            l.getStyleClass().add("tick");
            Label label = new Label(StepText.seconds(Duration.ofSeconds(s)));
            label.getStyleClass().add("tick-label");
            label.relocate(x + 3, 4);
            getChildren().addAll(l, label);
        }
        for (TimelinePlan.Entry entry : plan.entries()) {
            TimelineBlock b = new TimelineBlock(entry);
            double x = LEFT + entry.start().toMillis() / 1000.0 * px;
            double w = Math.max(10, (entry.end().toMillis() - entry.start().toMillis()) / 1000.0 * px);
            b.relocate(x, RULER + entry.step().lane() * LANE + 6);
            b.setPrefSize(w, LANE - 12);
            b.setMinSize(w, LANE - 12);
            b.setMaxSize(w, LANE - 12);
            b.setSelected(entry.step().name().equals(model.selectedProperty().get()));
            b.setOnMousePressed(ev -> press(b, ev));
            b.setOnMouseDragged(ev -> drag(b, ev));
            b.setOnMouseReleased(ev -> release(b, ev));
            b.setOnMouseMoved(ev -> b.setCursor(
                    ev.getX() >= b.getWidth() - TimelineBlock.EDGE
                            ? javafx.scene.Cursor.H_RESIZE
                            : javafx.scene.Cursor.MOVE));
            blocks.add(b);
            getChildren().add(b);
        }
    }

    private void press(TimelineBlock b, MouseEvent e) {
        model.selectedProperty().set(b.step());
        requestFocus();
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        origX = b.getLayoutX();
        origY = b.getLayoutY();
        origW = b.getWidth();
        resizing = e.getX() >= b.getWidth() - TimelineBlock.EDGE;
        dragged = false;
        b.toFront();
        e.consume();
    }

    private void drag(TimelineBlock b, MouseEvent e) {
        double dx = e.getSceneX() - pressX;
        double dy = e.getSceneY() - pressY;
        dragged = dragged || Math.abs(dx) > 2 || Math.abs(dy) > 2;
        if (resizing) {
            double w = Math.max(10, origW + dx);
            b.setMinWidth(w);
            b.setPrefWidth(w);
            b.setMaxWidth(w);
        } else {
            b.relocate(Math.max(LEFT, origX + dx), Math.max(RULER + 6, origY + dy));
        }
        e.consume();
    }

    private void release(TimelineBlock b, MouseEvent e) {
        e.consume();
        if (!dragged) {
            return;
        }
        MethodStep s = b.entry.step();
        double px = pixelsPerSecond.get();
        if (resizing) {
            Duration length = snap(b.getPrefWidth() / px, true);
            report(model.apply(
                    "resize " + s.name(),
                    x -> ExperimentEdits.resize(
                            x, s.name(), length, s.explicitStart().orElse(null))));
        } else {
            Duration at = snap((b.getLayoutX() - LEFT) / px, false);
            int lane = laneAt(b.getLayoutY() + (LANE - 12) / 2);
            report(model.apply("move " + s.name(), x -> ExperimentEdits.move(x, s.name(), at, lane)));
        }
        render();
    }

    private int laneAt(double y) {
        int lanes = model.experiment().method().stream()
                        .mapToInt(MethodStep::lane)
                        .max()
                        .orElse(-1)
                + 2;
        return (int) Math.max(0, Math.min(lanes - 1, Math.floor((y - RULER) / LANE)));
    }

    private Duration snap(double seconds, boolean atLeastOne) {
        long grid = snapSeconds();
        long s = Math.round(seconds / grid) * grid;
        return Duration.ofSeconds(Math.max(atLeastOne ? grid : 0, s));
    }

    /** A palette entry released at a point of the scene: added there if the point is on a lane. */
    public boolean dropAt(FaultTemplate t, double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        if (p == null || !contains(p) || p.getY() < RULER) {
            return false;
        }
        Duration at = snap(Math.max(0, p.getX() - LEFT) / pixelsPerSecond.get(), false);
        add(t, laneAt(p.getY()), at);
        return true;
    }

    /** Adds a template's fault at the end of lane 0: the palette's keyboard path. */
    public void addAtEnd(FaultTemplate t) {
        TimelinePlan plan = TimelinePlan.of(model.experiment());
        Duration end = plan.entries().stream()
                .filter(en -> en.step().lane() == 0)
                .map(TimelinePlan.Entry::end)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        add(t, 0, end);
    }

    private void add(FaultTemplate t, int lane, Duration at) {
        model.drop(t, lane, at);
    }

    private void onKey(KeyEvent e) {
        String sel = model.selectedProperty().get();
        Optional<MethodStep> step = model.experiment().method().stream()
                .filter(s -> s.name().equals(sel))
                .findFirst();
        KeyCode k = e.getCode();
        if (e.isShortcutDown() && k == KeyCode.Z) {
            say.accept(
                    e.isShiftDown()
                            ? model.redo().map(d -> "redid: " + d).orElse("nothing to redo")
                            : model.undo().map(d -> "undid: " + d).orElse("nothing to undo"));
        } else if (e.isShortcutDown() && k == KeyCode.Y) {
            say.accept(model.redo().map(d -> "redid: " + d).orElse("nothing to redo"));
        } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            zoom(1.25);
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            zoom(0.8);
        } else if (k == KeyCode.TAB && !blocks.isEmpty()) {
            // Tab walks the blocks; past the last (or before the first) focus leaves the timeline.
            int i = blocks.indexOf(blocks.stream()
                    .filter(b -> b.step().equals(sel))
                    .findFirst()
                    .orElse(blocks.get(0)));
            int next = i + (e.isShiftDown() ? -1 : 1);
            if (next < 0 || next >= blocks.size()) {
                return;
            }
            model.selectedProperty().set(blocks.get(next).step());
        } else if (step.isPresent()) {
            if (!stepKey(e, step.get())) {
                return;
            }
        } else {
            return;
        }
        e.consume();
    }

    private boolean stepKey(KeyEvent e, MethodStep s) {
        TimelinePlan.Entry entry = TimelinePlan.of(model.experiment()).entries().stream()
                .filter(en -> en.step().name().equals(s.name()))
                .findFirst()
                .orElseThrow();
        Duration grid = Duration.ofSeconds(snapSeconds());
        switch (e.getCode()) {
            case LEFT, RIGHT -> {
                Duration d = e.getCode() == KeyCode.LEFT ? grid.negated() : grid;
                if (e.isShiftDown()) {
                    Duration length = s.plannedLength().plus(d);
                    report(model.apply(
                            "resize " + s.name(),
                            x -> ExperimentEdits.resize(
                                    x, s.name(), length, s.explicitStart().orElse(null))));
                } else {
                    Duration at = entry.start().plus(d);
                    report(model.apply(
                            "move " + s.name(),
                            x -> ExperimentEdits.move(x, s.name(), at.isNegative() ? Duration.ZERO : at, s.lane())));
                }
            }
            case UP, DOWN -> {
                int lane = Math.max(0, s.lane() + (e.getCode() == KeyCode.UP ? -1 : 1));
                report(model.apply("move " + s.name(), x -> ExperimentEdits.move(x, s.name(), entry.start(), lane)));
            }
            case DELETE, BACK_SPACE ->
                report(model.apply("delete " + s.name(), x -> ExperimentEdits.delete(x, s.name())));
            case D -> {
                if (!e.isShortcutDown()) {
                    return false;
                }
                report(model.apply("duplicate " + s.name(), x -> ExperimentEdits.duplicate(x, s.name(), entry.end())));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void report(Optional<String> refusal) {
        refusal.ifPresent(r -> say.accept("not changed: " + r));
    }

    /** The blocks as drawn, for tests. */
    List<TimelineBlock> blocks() {
        return List.copyOf(blocks);
    }
}
