package org.blockbench.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.blockbench.BadInputException;

/**
 * The datasets a command can name ({@code --dataset}), and what each fixes before its files are
 * read: its class count, where its files are by default, and the normalisation it brings in
 * place of the recipe's.
 */
public enum DatasetName {
    SYNTHETIC(SyntheticDataset.NAME, 0, null, null),
    CIFAR10(CifarBinary.CIFAR10.id(), CifarBinary.CIFAR10.classes(), Path.of("data"), null),
    CIFAR100(CifarBinary.CIFAR100.id(), CifarBinary.CIFAR100.classes(), Path.of("data"), null),
    FASHION_MNIST(FashionMnist.NAME, FashionMnist.CLASSES, FashionMnist.DEFAULT_DIR, Normalization.FASHION_MNIST);

    private final String id;
    private final int classes;
    private final Path defaultDirectory;
    private final Normalization normalization;

    DatasetName(String id, int classes, Path defaultDirectory, Normalization normalization) {
        this.id = id;
        this.classes = classes;
        this.defaultDirectory = defaultDirectory;
        this.normalization = normalization;
    }

    /** The name as {@code --dataset} takes it and run.json records it. */
    public String id() {
        return id;
    }

    /** The classes the data fixes; 0 for the synthetic set, which has as many as asked. */
    public int classes() {
        return classes;
    }

    /** Where the files are read from without {@code --data-dir}; empty for the synthetic set, which has none. */
    public Optional<Path> defaultDirectory() {
        return Optional.ofNullable(defaultDirectory);
    }

    /** The dataset's own normalisation, used in place of the recipe's; empty where the recipe's applies. */
    public Optional<Normalization> normalization() {
        return Optional.ofNullable(normalization);
    }

    /**
     * The dataset's first {@code trainSize} training and {@code valSize} validation images (null:
     * all of them; the synthetic set's default sizes are CIFAR's), its files read from
     * {@code dataDir} (null: {@link #defaultDirectory()}).
     *
     * @param classes  the synthetic set's classes (the others fix their own)
     * @param dataSeed the synthetic images' seed
     */
    public Dataset load(Path dataDir, int classes, Integer trainSize, Integer valSize, long dataSeed) {
        Path dir = dataDir != null ? dataDir : defaultDirectory;
        Dataset d = switch (this) {
            case SYNTHETIC -> SyntheticDataset.generate(classes, trainSize != null ? trainSize : SyntheticDataset.DEFAULT_TRAIN,
                    valSize != null ? valSize : SyntheticDataset.DEFAULT_VAL, dataSeed);
            case CIFAR10 -> CifarBinary.CIFAR10.read(dir);
            case CIFAR100 -> CifarBinary.CIFAR100.read(dir);
            case FASHION_MNIST -> FashionMnist.read(dir);
        };
        return d.subset(trainSize != null ? trainSize : d.train().size(), valSize != null ? valSize : d.val().size());
    }

    /**
     * The quick protocol's task on this machine: Fashion-MNIST where its files are in
     * {@link FashionMnist#DEFAULT_DIR} (Debian's {@code dataset-fashion-mnist}), the synthetic set
     * otherwise. At the quick protocol's budget Fashion-MNIST ranks the fidelity models as its long
     * protocol does with Spearman ρ 0.71, the synthetic task 0.50 (docs/accuracy.md §Fashion-MNIST),
     * for the same training time.
     */
    public static DatasetName quickDefault() {
        return FashionMnist.present(FashionMnist.DEFAULT_DIR) ? FASHION_MNIST : SYNTHETIC;
    }

    /** Every valid name, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(DatasetName::id).toList();
    }

    /** The dataset called {@code given} (case and surrounding space ignored); an unknown name lists the valid ones. */
    public static DatasetName parse(String given) {
        return BadInputException.byName("dataset", given, values(), DatasetName::id);
    }
}
