/**
 * Writing result files safely: every artefact BlockBench writes goes through
 * {@link org.blockbench.io.AtomicFile}, so an interrupted run never leaves a half-written file.
 */
package org.blockbench.io;
