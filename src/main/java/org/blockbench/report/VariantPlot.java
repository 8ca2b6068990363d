package org.blockbench.report;

import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * INT8 accuracy drop (percentage points, mean over seeds) against INT8 speedup over FP32, one
 * marker per block and position, one colour per block (docs/quantization.md §Board). Null when
 * no row has both figures.
 */
final class VariantPlot {

    private VariantPlot() {
    }

    static JFreeChart chart(DatasetBoard board) {
        System.setProperty("java.awt.headless", "true");
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (LeaderboardRow r : board.rows()) {
            for (VariantFigures v : r.variants()) {
                if (v.variant().equals(org.blockbench.zoo.Form.INT8.id()) && !Double.isNaN(v.speedup()) && v.accuracyDropPoints() != null) {
                    String name = r.model().isScaffold() ? r.model().block() : r.model().label();
                    series.computeIfAbsent(name, n -> new XYSeries(n, false, true))
                            .add(v.speedup(), v.accuracyDropPoints().mean());
                }
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        XYSeriesCollection points = new XYSeriesCollection();
        series.values().forEach(points::addSeries);
        NumberAxis x = new NumberAxis("INT8 speedup over FP32 (FP32 mean / INT8 mean)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("INT8 accuracy drop (percentage points, mean over seeds)");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(points, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart("INT8: accuracy drop vs speedup (" + board.dataset() + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle("one marker per block and position; lower right is better",
                new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
