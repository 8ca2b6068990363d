/**
 * BlockBench: benchmarks neural-network building blocks as ONNX graphs. Feature packages:
 * {@code onnx} (graph building and files), {@code zoo} (blocks, scaffold, GWO network),
 * {@code model} (the one model reference: zoo model, block pack model or user file),
 * {@code export} (writing the zoo to onnx-models/), {@code cli} (the command line). See
 * docs/ARCHITECTURE.md for the data flow.
 */
package org.blockbench;
