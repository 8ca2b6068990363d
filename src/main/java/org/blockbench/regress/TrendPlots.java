package org.blockbench.regress;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.io.AtomicFile;
import org.blockbench.io.PlotFiles;
import org.blockbench.text.MarkdownText;
import org.blockbench.text.NumberText;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.stats.WeightedSamples;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One trend chart per benchmark over the runs of a {@link History}: the median of each run
 * with a bar from its 25th to its 75th percentile, the newest run in red, the pooled
 * baseline median as a line and the band inside which a change is below the threshold.
 * Written as PNG and SVG, atomically.
 */
public final class TrendPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private TrendPlots() {
    }

    /**
     * Draws every benchmark of the candidate, the last of {@code runs} (oldest first), into
     * {@code outDir}, with the baseline and verdict taken from {@code report} where the
     * benchmark was compared. Returns the files written.
     */
    public static List<Path> write(List<HistoryEntry> entries, List<ResultSet> runs, ComparisonReport report, Path outDir) {
        System.setProperty("java.awt.headless", "true");
        Map<BenchmarkKey, Comparison> compared = new TreeMap<>();
        report.comparisons().forEach(c -> compared.put(c.key(), c));
        TreeSet<BenchmarkKey> keys = new TreeSet<>(runs.get(runs.size() - 1).runs().keySet());
        List<Path> written = new ArrayList<>();
        Map<String, String> index = new LinkedHashMap<>();
        for (BenchmarkKey key : keys) {
            JFreeChart chart = chart(key, entries, runs, compared.get(key), report.policy());
            String stem = slug(key);
            written.addAll(PlotFiles.write(outDir, stem, chart, WIDTH, HEIGHT));
            index.put(key.label(), stem);
        }
        StringBuilder md = new StringBuilder("# Trend plots\n\n| benchmark | PNG | SVG |\n|---|---|---|\n");
        index.forEach((label, stem) -> md.append("| ").append(MarkdownText.escape(label)).append(" | [png](")
                .append(stem).append(".png) | [svg](").append(stem).append(".svg) |\n"));
        Path indexFile = outDir.resolve("index.md");
        AtomicFile.writeString(indexFile, md.toString());
        written.add(indexFile);
        return written;
    }

    /** A file-name-safe, collision-free stem for a benchmark. */
    static String slug(BenchmarkKey key) {
        String readable = key.label().replaceAll("[^A-Za-z0-9._=-]+", "_");
        if (readable.length() > 80) {
            readable = readable.substring(0, 80);
        }
        String hash = OnnxModelFile.sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return readable + "-" + hash;
    }

    private static JFreeChart chart(BenchmarkKey key, List<HistoryEntry> entries, List<ResultSet> runs,
            Comparison comparison, VerdictPolicy policy) {
        ScoreUnit unit = null;
        for (int i = runs.size() - 1; i >= 0 && unit == null; i--) {
            BenchmarkRun r = runs.get(i).runs().get(key);
            unit = r == null ? null : r.unit();
        }
        YIntervalSeries past = new YIntervalSeries("run median (bar: 25th-75th percentile)");
        YIntervalSeries current = new YIntervalSeries("this run");
        for (int i = 0; i < runs.size(); i++) {
            BenchmarkRun r = runs.get(i).runs().get(key);
            if (r == null || r.samples().count() == 0) {
                continue;
            }
            WeightedSamples s = r.in(unit).samples();
            YIntervalSeries series = i == runs.size() - 1 ? current : past;
            series.add(entries.get(i).at().toEpochMilli(), s.median(), s.quantile(0.25), s.quantile(0.75));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(past);
        data.addSeries(current);
        DateAxis time = new DateAxis("run (UTC)");
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        NumberAxis value = new NumberAxis("median " + unit.text());
        value.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesLinesVisible(1, false);
        XYPlot plot = new XYPlot(data, time, value, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(key.shortName() + " " + key.paramsText() + " [" + key.mode() + "]",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (comparison != null && Double.isFinite(comparison.baseMedian())) {
            double base = comparison.baseMedian() * ScoreUnit.parse(comparison.unit()).factorTo(unit);
            IntervalMarker band = new IntervalMarker(base / (1 + policy.threshold()), base * (1 + policy.threshold()));
            band.setPaint(new Color(0xd0e8d0));
            band.setAlpha(0.5f);
            plot.addRangeMarker(band, Layer.BACKGROUND);
            ValueMarker line = new ValueMarker(base, new Color(0x2ca02c), new BasicStroke(1.5f));
            plot.addRangeMarker(line);
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                    "verdict: %s (time ratio %s, p %s); green: pooled baseline median and the ±%s band",
                    comparison.verdict().text(), NumberText.fixed(comparison.timeRatio(), 3), NumberText.pValue(comparison.pValue()),
                    NumberText.percent(policy.threshold()))));
        } else {
            chart.addSubtitle(new TextTitle("not compared in this run (no baseline for it)"));
        }
        return chart;
    }
}
