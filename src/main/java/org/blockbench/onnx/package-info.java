/**
 * ONNX graphs: a typed builder over the raw {@code ai.onnx.proto.OnnxMl} protobuf classes
 * ({@link org.blockbench.onnx.GraphBuilder}, {@link org.blockbench.onnx.OnnxOp}), and reading,
 * validating and writing model files ({@link org.blockbench.onnx.OnnxModelFile}).
 *
 * <p>Everything written here targets opset {@value org.blockbench.onnx.GraphBuilder#OPSET}
 * so that the ONNX checker, Netron and older runtimes accept the files.
 */
package org.blockbench.onnx;
