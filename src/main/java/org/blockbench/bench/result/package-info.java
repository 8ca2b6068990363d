/**
 * Result files of the latency suite: standard JMH JSON (written by JMH's own JSON writer,
 * combined element by element without re-serialising, so merged files are byte-for-byte
 * JMH's format), the metadata sidecar that says on what and how they were measured, and the
 * human summary table.
 */
package org.blockbench.bench.result;
