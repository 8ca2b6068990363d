/**
 * Writing the zoo to disk: {@code onnx-models/<block>/<position>/{train,deploy}.onnx} and
 * {@code onnx-models/manifest.json} ({@link org.blockbench.export.Manifest}), the index every
 * later stage (bench, analysis, training, leaderboard) reads.
 */
package org.blockbench.export;
