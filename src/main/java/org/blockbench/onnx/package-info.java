/**
 * ONNX graphs: a typed builder over the raw {@code ai.onnx.proto.OnnxMl} protobuf classes
 * ({@link org.blockbench.onnx.GraphBuilder}, {@link org.blockbench.onnx.OnnxOp}), reading,
 * validating and writing model files ({@link org.blockbench.onnx.OnnxModelFile}), and the one
 * typed, checked reader of a node's inputs and attributes ({@link org.blockbench.onnx.NodeView}).
 *
 * <p>A user's model file is untrusted input: every path by which one reaches ONNX Runtime,
 * LibTorch or the analysis reads it through {@link org.blockbench.onnx.OnnxModelFile#read}
 * (or validates an in-memory model with {@link org.blockbench.onnx.OnnxModelFile#validate}),
 * which applies the package-private {@code ModelValidator}'s rules first.
 *
 * <p>Everything written here targets opset {@value org.blockbench.onnx.GraphBuilder#OPSET}
 * so that the ONNX checker, Netron and older runtimes accept the files.
 */
package org.blockbench.onnx;
