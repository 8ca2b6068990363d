/**
 * Training accuracy runs (docs/protocol.md §Training): {@link org.blockbench.train.TrainingRun} trains one
 * (model, recipe, dataset, seed) with {@link org.blockbench.train.Trainer} on the ONNX →
 * LibTorch interpreter ({@code train.interp}), checkpoints every epoch, writes the trained
 * weights back into ONNX files, checks ONNX Runtime against the trainer
 * ({@link org.blockbench.train.OrtParity}) and records a {@link org.blockbench.train.RunRecord}.
 * {@link org.blockbench.train.interp.TorchRuntime} points JavaCPP at the native cache the build fills.
 * Datasets live in {@code org.blockbench.data}, recipes in {@code train.recipe}.
 */
package org.blockbench.train;
