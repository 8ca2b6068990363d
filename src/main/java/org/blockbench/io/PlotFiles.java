package org.blockbench.io;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one way a chart becomes files: drawn at a fixed size as PNG (for pages and viewers) and as
 * SVG (for papers), both written atomically beside each other as {@code <stem>.png} and
 * {@code <stem>.svg}. The leaderboard's plots and the regression trend plots go through it.
 */
public final class PlotFiles {

    private PlotFiles() {
    }

    /** The chart drawn as a PNG image of {@code width} × {@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new IllegalStateException("a PNG plot does not render into memory", e);
        }
        return out.toByteArray();
    }

    /** The chart drawn as an SVG document of {@code width} × {@code height} user units. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /** Draws the chart in both forms and writes {@code dir/stem.png} and {@code dir/stem.svg}; returns both paths. */
    public static List<Path> write(Path dir, String stem, JFreeChart chart, int width, int height) {
        return write(dir, stem, png(chart, width, height), svg(chart, width, height));
    }

    /** Writes a chart already drawn as {@code dir/stem.png} and {@code dir/stem.svg}; returns both paths. */
    public static List<Path> write(Path dir, String stem, byte[] png, String svg) {
        Path pngFile = dir.resolve(stem + ".png");
        Path svgFile = dir.resolve(stem + ".svg");
        AtomicFile.write(pngFile, png);
        AtomicFile.write(svgFile, svg.getBytes(StandardCharsets.UTF_8));
        return List.of(pngFile, svgFile);
    }
}
