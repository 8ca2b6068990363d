package org.blockbench.data;

/**
 * A training set and the set accuracy is reported on (for CIFAR, the official test set: the
 * recipes use val set = test set).
 *
 * @param name   a {@link DatasetName#id()}: "synthetic", "cifar10", "cifar100" or "fashion-mnist"
 * @param source where the images came from (a directory, or the synthetic generator and its seed)
 */
public record Dataset(String name, String source, ImageSet train, ImageSet val) {

    public Dataset {
        if (train.classes() != val.classes()) {
            throw new IllegalArgumentException("train has " + train.classes() + " classes, val " + val.classes());
        }
    }

    public int classes() {
        return train.classes();
    }

    /** The first {@code trainSize} training and {@code valSize} validation images. */
    public Dataset subset(int trainSize, int valSize) {
        return new Dataset(name, source, train.first(trainSize), val.first(valSize));
    }
}
