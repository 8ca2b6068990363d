/**
 * The images models are trained, evaluated and calibrated on, below every stage that uses them
 * (train, quant, export): CIFAR-10/100 binary readers ({@link org.blockbench.data.CifarBinary}),
 * a verified download with safe extraction ({@link org.blockbench.data.CifarDownload},
 * {@link org.blockbench.data.SafeTarExtractor}), Fashion-MNIST from its gzip'd IDX files
 * padded to the scaffold's 3×32×32 ({@link org.blockbench.data.FashionMnist}), the
 * deterministic synthetic dataset ({@link org.blockbench.data.SyntheticDataset}), the
 * names {@code --dataset} takes ({@link org.blockbench.data.DatasetName}), seeded
 * batch assembly with normalisation and augmentation
 * ({@link org.blockbench.data.BatchAssembler}, {@link org.blockbench.data.Normalization}), and
 * the calibration set of INT8 quantization ({@link org.blockbench.data.CalibrationSet}). It
 * imports none of the stages.
 */
package org.blockbench.data;
