/**
 * Training data: CIFAR-10/100 binary readers ({@link org.blockbench.train.data.CifarBinary}),
 * a verified download with safe extraction ({@link org.blockbench.train.data.CifarDownload},
 * {@link org.blockbench.train.data.SafeTarExtractor}), the deterministic synthetic dataset
 * ({@link org.blockbench.train.data.SyntheticDataset}), and seeded batch assembly with
 * normalisation and augmentation ({@link org.blockbench.train.data.BatchAssembler}).
 */
package org.blockbench.train.data;
