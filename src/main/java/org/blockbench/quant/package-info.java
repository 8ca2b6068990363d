/**
 * Deployment variants of a deploy-form model, measured against FP32 (docs/quantization.md):
 * <ul>
 *   <li>{@link org.blockbench.quant.QdqQuantizer}: INT8 static quantization in QDQ format, the
 *       way ONNX Runtime's {@code quantize_static(quant_format=QDQ, per_channel=True)} does it:
 *       weights int8 per output channel and symmetric, biases int32 with scale input scale ×
 *       weight scale, activations uint8 per tensor and asymmetric, Relu/Clip after a quantized
 *       producer fused away; ops without an integer form are left in float and listed in the
 *       model's metadata ({@code blockbench.quant.float_ops}), never dropped;</li>
 *   <li>{@link org.blockbench.quant.Calibrator}: activation ranges through ONNX Runtime with the
 *       intermediate values exposed ({@link org.blockbench.ort.IntermediateOutputs}), by
 *       {@link org.blockbench.quant.CalibrationMethod} MinMax, Percentile, Entropy or Auto (per tensor the
 *       range with the best SNR, kept where the model's output agrees), on a
 *       {@link org.blockbench.data.CalibrationSet};</li>
 *   <li>{@link org.blockbench.quant.TensorErrorReport}: every quantized tensor's own SNR, worst first,
 *       written beside each INT8 variant as {@link org.blockbench.quant.TensorErrorFile}
 *       ({@code deploy.int8.explain.json}), which the leaderboard reads;</li>
 *   <li>{@link org.blockbench.quant.Fp16Converter}: float16 weights and compute with float32
 *       graph inputs and outputs, as onnxconverter-common's
 *       {@code convert_float_to_float16(keep_io_types=True)};</li>
 *   <li>{@link org.blockbench.zoo.Form}: the variant names and file names
 *       ({@code deploy.int8.onnx}, {@code deploy.fp16.onnx}).</li>
 * </ul>
 * Graphs are rebuilt through {@link org.blockbench.onnx.GraphBuilder} and read through
 * {@link org.blockbench.onnx.NodeView}; the same model, calibration set and settings give
 * byte-identical files.
 */
package org.blockbench.quant;
