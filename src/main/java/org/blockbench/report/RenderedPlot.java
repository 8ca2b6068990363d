package org.blockbench.report;

/**
 * One plot rendered for one dataset and axis.
 *
 * @param dataset      the board's dataset
 * @param group        the models compared
 * @param axis         the cost on the x axis
 * @param png          PNG bytes
 * @param svg          SVG document
 * @param baseName     file name without extension, e.g. {@code synthetic-accuracy-vs-latency}
 */
record RenderedPlot(String dataset, ComparisonGroup group, Axis axis, byte[] png, String svg, String baseName) {
}
