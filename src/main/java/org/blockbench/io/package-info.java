/**
 * Files in and out: every artefact BlockBench writes goes through
 * {@link org.blockbench.io.AtomicFile}, so an interrupted run never leaves a half-written file;
 * every input file is read through {@link org.blockbench.io.InputFiles} (regular files only,
 * a documented size cap per format); {@link org.blockbench.io.ScratchDirectory} is the temporary
 * space of a child JVM or a JMH fork, deleted after it. {@link org.blockbench.io.PlotFiles} writes
 * every chart, as PNG and SVG.
 */
package org.blockbench.io;
