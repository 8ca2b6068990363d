package org.blockbench.train;

/**
 * One epoch of a run. Train loss and accuracy are averaged over the epoch's training batches
 * as they were seen (training mode, augmented, weights changing), as PyTorch training loops
 * report them; val loss and accuracy are measured after the epoch, in eval mode.
 *
 * @param epoch                    1-based
 * @param learningRate             the learning rate used in this epoch
 * @param trainLoss                mean cross-entropy over training images
 * @param trainAccuracy            fraction of training images classified correctly, in [0, 1]
 * @param valLoss                  mean cross-entropy over validation images
 * @param valAccuracy              fraction of validation images classified correctly, in [0, 1]
 * @param trainSeconds             wall time of the training pass
 * @param evalSeconds              wall time of the validation pass
 * @param trainImagesPerSecond     training images / trainSeconds (forward, backward, step, data)
 */
public record EpochResult(int epoch, double learningRate, double trainLoss, double trainAccuracy, double valLoss,
                          double valAccuracy, double trainSeconds, double evalSeconds, double trainImagesPerSecond) {
}
