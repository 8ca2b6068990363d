/**
 * The native boundary of the latency suite: one {@link org.blockbench.bench.ort.InferenceSession}
 * owns an ONNX Runtime session, its options, its input tensor and its pinned output tensors,
 * built from {@link org.blockbench.bench.ort.SessionSettings}. Checked {@code OrtException}s
 * stop here and become {@link org.blockbench.bench.ort.OrtCallException}, which keeps the model file
 * and the option that failed.
 */
package org.blockbench.bench.ort;

import org.blockbench.onnx.OrtCallException;
