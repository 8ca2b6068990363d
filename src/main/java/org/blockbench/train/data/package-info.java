/**
 * Training data: CIFAR-10/100 binary readers ({@link org.blockbench.train.data.CifarBinary}),
 * a verified download with safe extraction ({@link org.blockbench.train.data.CifarDownload},
 * {@link org.blockbench.train.data.SafeTarExtractor}), Fashion-MNIST from its gzip'd IDX files
 * padded to the scaffold's 3×32×32 ({@link org.blockbench.train.data.FashionMnist}), the
 * deterministic synthetic dataset ({@link org.blockbench.train.data.SyntheticDataset}), the
 * names {@code --dataset} takes ({@link org.blockbench.train.data.DatasetName}), and seeded
 * batch assembly with normalisation and augmentation
 * ({@link org.blockbench.train.data.BatchAssembler}).
 */
package org.blockbench.train.data;
