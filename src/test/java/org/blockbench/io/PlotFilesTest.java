package org.blockbench.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small chart through both forms: a PNG of the asked size, an SVG of the same size, both files beside each other. */
class PlotFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesThePngAndTheSvgOfOneChart() throws Exception {
        System.setProperty("java.awt.headless", "true");
        XYSeries s = new XYSeries("latency");
        s.add(1, 2.5);
        s.add(2, 3.5);
        JFreeChart chart = ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(s));
        List<Path> written = PlotFiles.write(dir, "trend", chart, 320, 200);
        assertEquals(List.of(dir.resolve("trend.png"), dir.resolve("trend.svg")), written);
        byte[] png = Files.readAllBytes(written.get(0));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
        String svg = Files.readString(written.get(1));
        assertTrue(svg.contains("<svg ") && svg.contains("width='320.0' height='200.0'"), svg.substring(0, 300));
        assertArrayEquals(png, PlotFiles.png(chart, 320, 200), "the same chart draws the same PNG");
    }
}
