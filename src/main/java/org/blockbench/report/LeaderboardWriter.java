package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.io.AtomicFile;
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
            Path png = dir.resolve(PLOTS_DIR).resolve(p.baseName() + ".png");
            Path svg = dir.resolve(PLOTS_DIR).resolve(p.baseName() + ".svg");
            AtomicFile.write(png, p.png());
            AtomicFile.write(svg, p.svg().getBytes(StandardCharsets.UTF_8));
            written.add(png);
            written.add(svg);
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
                    String base = fileSafe(b.dataset()) + "-variants-accuracy-drop-vs-speedup";
                    for (String ext : List.of(".png", ".svg")) {
                        Path file = dir.resolve(PLOTS_DIR).resolve(base + ext);
                        AtomicFile.write(file, ext.equals(".png") ? AccuracyPlots.png(chart)
                                : AccuracyPlots.svg(chart).getBytes(StandardCharsets.UTF_8));
                        written.add(file);
                    }
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
                        plots.add(new RenderedPlot(b.dataset(), g, a, AccuracyPlots.png(chart), AccuracyPlots.svg(chart),
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
