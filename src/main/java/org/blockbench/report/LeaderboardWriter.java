package org.blockbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.io.AtomicFile;
import org.blockbench.io.PlotFiles;
import org.jfree.chart.JFreeChart;

/**
 * Writes a leaderboard into a directory (normally {@code analysis/}), each file atomically:
 * {@value #BLOCKZOO_CSV} (BlockZoo's columns), {@value #GWO_CSV} (the GWO benchmark's columns),
 * {@value #FULL_CSV}, {@value #BLOCKS_CSV}, {@value #JSON}, {@value #MARKDOWN}, {@value #HTML}
 * and {@code plots/<dataset>[-gwo-networks]-accuracy-vs-<axis>.png|svg}.
 */
public final class LeaderboardWriter {

    public static final String BLOCKZOO_CSV = "results.csv";
    public static final String GWO_CSV = "benchmark_results.csv";
    public static final String FULL_CSV = "leaderboard.csv";
    public static final String BLOCKS_CSV = "leaderboard-blocks.csv";
    public static final String JSON = "leaderboard.json";
    public static final String MARKDOWN = "leaderboard.md";
    public static final String HTML = "leaderboard.html";
    public static final String PLOTS_DIR = "plots";

    private LeaderboardWriter() {
    }

    /** The formats by file name, HTML excepted (it needs the rendered plots). */
    public static Map<String, LeaderboardFormat> formats() {
        Map<String, LeaderboardFormat> f = new LinkedHashMap<>();
        f.put(BLOCKZOO_CSV, new BlockZooCsv());
        f.put(GWO_CSV, new GwoCsv());
        f.put(FULL_CSV, new FullCsv());
        f.put(BLOCKS_CSV, new BlockSummaryCsv());
        f.put(JSON, new LeaderboardJson());
        f.put(MARKDOWN, new LeaderboardMarkdown());
        return f;
    }

    /** Renders and writes everything; returns the paths written, in order. */
    public static List<Path> write(Leaderboard lb, Path dir) {
        List<Path> written = new ArrayList<>();
        List<RenderedPlot> plots = renderPlots(lb);
        for (RenderedPlot p : plots) {
            written.addAll(PlotFiles.write(dir.resolve(PLOTS_DIR), p.baseName(), p.png(), p.svg()));
        }
        for (Map.Entry<String, LeaderboardFormat> f : formats().entrySet()) {
            Path file = dir.resolve(f.getKey());
            AtomicFile.write(file, f.getValue().render(lb));
            written.add(file);
        }
        if (VariantTable.any(lb)) {
            Path variants = dir.resolve(VariantTable.CSV);
            AtomicFile.write(variants, VariantTable.csv(lb));
            written.add(variants);
            written.addAll(VariantTable.copyTensorReports(lb, dir));
            for (DatasetBoard b : lb.boards()) {
                JFreeChart chart = VariantPlot.chart(b);
                if (chart != null) {
                    written.addAll(PlotFiles.write(dir.resolve(PLOTS_DIR), fileSafe(b.dataset()) + "-variants-accuracy-drop-vs-speedup",
                            chart, AccuracyPlots.WIDTH, AccuracyPlots.HEIGHT));
                }
            }
        }
        Path html = dir.resolve(HTML);
        AtomicFile.write(html, new LeaderboardHtml(plots).render(lb));
        written.add(html);
        return written;
    }

    static List<RenderedPlot> renderPlots(Leaderboard lb) {
        List<RenderedPlot> plots = new ArrayList<>();
        for (DatasetBoard b : lb.boards()) {
            for (ComparisonGroup g : ComparisonGroup.values()) {
                for (Axis a : Axis.values()) {
                    JFreeChart chart = AccuracyPlots.chart(b, g, a);
                    if (chart != null) {
                        String group = g == ComparisonGroup.BLOCKS ? "" : "-" + g.id();
                        plots.add(new RenderedPlot(b.dataset(), g, a, PlotFiles.png(chart, AccuracyPlots.WIDTH, AccuracyPlots.HEIGHT),
                                PlotFiles.svg(chart, AccuracyPlots.WIDTH, AccuracyPlots.HEIGHT),
                                fileSafe(b.dataset()) + group + "-accuracy-vs-" + a.id()));
                    }
                }
            }
        }
        return plots;
    }

    static String fileSafe(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
