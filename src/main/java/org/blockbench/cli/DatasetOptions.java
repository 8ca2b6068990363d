package org.blockbench.cli;

import java.nio.file.Path;
import org.blockbench.data.DatasetName;
import picocli.CommandLine.Option;

/**
 * {@code --dataset} and {@code --data-dir} of the commands that train ({@code train},
 * {@code fidelity}): the one declaration of both options and of the dataset they name.
 */
final class DatasetOptions {

    @Option(names = "--dataset", defaultValue = "synthetic",
            description = "The task trained on: synthetic, cifar10, cifar100 or fashion-mnist (the IDX files of Debian's"
                    + " dataset-fashion-mnist, padded to 3x32x32; docs/accuracy.md) (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--data-dir",
            description = "Directory with the dataset's files: CIFAR's binary files (or their archive folder; default: data),"
                    + " Fashion-MNIST's gzip'd IDX files (default: /usr/share/datasets/fashion-mnist)")
    Path dataDir;

    /** The dataset named; an unknown name lists the valid ones. */
    DatasetName dataset() {
        return DatasetName.parse(name);
    }
}
