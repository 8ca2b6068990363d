package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Other tools' spellings of a dataset map to train's, so imported and measured runs share one board. */
class AccuracyImportDatasetTest {

    @Test
    void trainsDatasetsAreSpeltAsTrainSpellsThem() {
        assertEquals("cifar100", AccuracyImport.dataset("CIFAR-100", "x"));
        assertEquals("cifar10", AccuracyImport.dataset("cifar_10", "x"));
        assertEquals("fashion-mnist", AccuracyImport.dataset("Fashion-MNIST", "x"));
        assertEquals("fashion-mnist", AccuracyImport.dataset("fashion_mnist", "x"));
        assertEquals("fashion-mnist", AccuracyImport.dataset("FashionMNIST", "x"));
    }

    @Test
    void otherNamesAreLowerCasedWithoutSeparators() {
        assertEquals("tinyimagenet", AccuracyImport.dataset("Tiny-ImageNet", "x"));
    }
}
