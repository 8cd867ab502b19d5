package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.spi.run.RolloutResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Where each stage of an experiment's rollouts began, as a dashed line on its probes' charts with
 * the stage's share or count on top ("stage 2: 50%"), as the live view marks them; the stage that
 * did not hold in red.
 */
record StageMarks(List<Mark> marks) {
    private static final Color HELD = new Color(90, 90, 90);
    private static final Color BROKE = new Color(200, 40, 40);
    private static final BasicStroke DASHED =
            new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);

    static final StageMarks NONE = new StageMarks(List.of());

    StageMarks {
        marks = List.copyOf(marks);
    }

    /** One stage's start. */
    record Mark(long at, String label, boolean didNotHold) {}

    static StageMarks of(Report.Experiment e) {
        List<Mark> out = new ArrayList<>();
        for (RolloutResult o : e.rollouts()) {
            for (RolloutResult.Stage s : o.stages()) {
                out.add(new Mark(
                        s.startedAt().toEpochMilli(),
                        "stage " + s.number() + ": " + s.label(),
                        s.verdict() == RolloutResult.Verdict.DID_NOT_HOLD));
            }
        }
        return new StageMarks(out);
    }

    void drawOn(XYPlot plot) {
        for (Mark m : marks) {
            ValueMarker line = new ValueMarker(m.at(), m.didNotHold() ? BROKE : HELD, DASHED);
            line.setLabel(m.label());
            line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            line.setLabelPaint(m.didNotHold() ? BROKE : HELD);
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(line, Layer.FOREGROUND);
        }
    }
}
