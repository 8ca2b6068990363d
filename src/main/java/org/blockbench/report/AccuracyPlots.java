package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Accuracy against a cost, as BlockZoo draws it: one colour and marker per block, marker size
 * by position (early small, mid medium, late large), a line joining a block's positions early →
 * mid → late; GWO networks and users' files as single markers; the Pareto frontier as a dashed
 * step line.
 */
final class AccuracyPlots {

    static final int WIDTH = 1000;
    static final int HEIGHT = 650;

    /** Okabe and Ito's colour-blind-safe palette; past eight series the marker shape tells series apart. */
    private static final Color[] PALETTE = {new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x9E, 0x73),
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x00, 0x00, 0x00),
        new Color(0xF0, 0xE4, 0x42)};

    /** With this many series or fewer, each is labelled by name next to its last point instead of in a legend. */
    static final int DIRECT_LABELS_UP_TO = 8;

    private AccuracyPlots() {
    }

    /** The chart of one comparison group, or null when none of its models has both accuracy and this cost. */
    static JFreeChart chart(DatasetBoard board, ComparisonGroup group, Axis axis) {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<LeaderboardRow>> groups = new LinkedHashMap<>();
        for (LeaderboardRow r : board.rows()) {
            if (ComparisonGroup.of(r.model()) == group && r.accuracyPercent() != null && axis.of(r) != null) {
                String name = r.model().isScaffold() ? r.model().block() : r.model().label();
                groups.computeIfAbsent(name, g -> new ArrayList<>()).add(r);
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        XYIntervalSeriesCollection points = new XYIntervalSeriesCollection();
        List<List<String>> positions = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, List<LeaderboardRow>> g : groups.entrySet()) {
            XYIntervalSeries s = new XYIntervalSeries(g.getKey(), false, true);
            List<String> pos = new ArrayList<>();
            for (LeaderboardRow r : g.getValue()) {
                double x = axis.of(r) / axis.plotDivisor();
                // error bars: latency ± JMH's 99.9 % interval, accuracy ± std over seeds (none where not defined)
                double dx = axis == Axis.LATENCY && !Double.isNaN(r.latency().scoreErrorMs()) ? r.latency().scoreErrorMs() : 0;
                double y = r.accuracyPercent();
                double dy = r.accuracy().valAccuracyPercent().hasSpread() ? r.accuracy().valAccuracyPercent().sampleStandardDeviation() : 0;
                s.add(x, Math.max(x - dx, x / 2), x + dx, y, y - dy, y + dy);
                pos.add(r.model().position());
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            points.addSeries(s);
            positions.add(pos);
        }
        XYSeriesCollection frontier = new XYSeriesCollection();
        XYSeries f = new XYSeries("Pareto frontier", false, true);
        for (ModelRef k : board.frontier(group, axis)) {
            LeaderboardRow r = board.rows().stream().filter(x -> x.model().equals(k)).findFirst().orElseThrow();
            f.add(axis.of(r) / axis.plotDivisor(), r.accuracyPercent());
        }
        frontier.addSeries(f);

        ValueAxis xAxis;
        // a log axis needs room below its smallest value; a subnormal minimum has none
        if (min >= Double.MIN_NORMAL && max / min > 10) {
            LogAxis log = new LogAxis(axis.plotLabel() + " (log scale)");
            log.setSmallestValue(min / 2);
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            xAxis = log;
        } else {
            NumberAxis lin = new NumberAxis(axis.plotLabel());
            lin.setAutoRangeIncludesZero(false);
            // equal values would collapse the range to a point and repeat one tick label
            lin.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.2, 1e-6));
            xAxis = lin;
        }
        NumberAxis yAxis = new NumberAxis("Validation accuracy (%, mean over seeds)");
        yAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeMinimumSize(2.0);
        yAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        XYPlot plot = new XYPlot(points, xAxis, yAxis, new PositionSizedRenderer(positions));
        if (points.getSeriesCount() <= DIRECT_LABELS_UP_TO) {
            xAxis.setUpperMargin(0.15); // room for the labels right of the last points
        }
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Color.DARK_GRAY);
        step.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, frontier);
        plot.setRenderer(1, step);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        boolean direct = points.getSeriesCount() <= DIRECT_LABELS_UP_TO;
        if (direct) {
            for (int i = 0; i < points.getSeriesCount(); i++) {
                int last = points.getSeries(i).getItemCount() - 1;
                XYTextAnnotation label = new XYTextAnnotation("  " + points.getSeriesKey(i), points.getXValue(i, last),
                        points.getYValue(i, last));
                label.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                label.setPaint(Color.DARK_GRAY);
                plot.addAnnotation(label);
            }
        }
        String what = group == ComparisonGroup.BLOCKS ? "" : ", " + group.title();
        JFreeChart chart = new JFreeChart("Accuracy vs " + axis.id() + " (" + board.dataset() + what + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, !direct);
        chart.addSubtitle(new TextTitle("marker size: early < mid < late; lines join a block's positions early -> mid -> late;"
                + " bars: " + (axis == Axis.LATENCY ? "latency 99.9 % interval, " : "") + "accuracy ± std over seeds;"
                + " dashed: Pareto frontier", new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Block colours and markers, marker size by position, lines between a block's positions. */
    private static final class PositionSizedRenderer extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;
        private final List<List<String>> positions;

        PositionSizedRenderer(List<List<String>> positions) {
            this.positions = positions;
            setDefaultLinesVisible(true);
            setDefaultShapesVisible(true);
            setCapLength(5);
            for (int s = 0; s < positions.size(); s++) {
                setSeriesPaint(s, PALETTE[s % PALETTE.length]);
                setSeriesStroke(s, new BasicStroke(2f));
                setSeriesShape(s, marker(s, 10));
            }
            setDefaultOutlinePaint(Color.BLACK);
            setUseOutlinePaint(true);
            setDrawOutlines(true);
        }

        @Override
        public Shape getItemShape(int series, int item) {
            String p = positions.get(series).get(item);
            int size = switch (p) {
                case "early" -> 7;
                case "mid" -> 11;
                case "late" -> 15;
                default -> 11;
            };
            return marker(series, size);
        }

        private static Shape marker(int series, double size) {
            double h = size / 2;
            return switch ((series / PALETTE.length + series) % 4) {
                case 0 -> new Ellipse2D.Double(-h, -h, size, size);
                case 1 -> new Rectangle2D.Double(-h, -h, size, size);
                case 2 -> triangle(h);
                default -> diamond(h);
            };
        }

        private static Shape triangle(double h) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(0, -h);
            p.lineTo(h, h);
            p.lineTo(-h, h);
            p.closePath();
            return p;
        }

        private static Shape diamond(double h) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(0, -h);
            p.lineTo(h, 0);
            p.lineTo(0, h);
            p.lineTo(-h, 0);
            p.closePath();
            return p;
        }
    }
}
