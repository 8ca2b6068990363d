package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.train.TrainingProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fidelity}'s options that are refused before any model is read or run trained: the
 * image fraction, the shard, the number of models. Its sharded runs and their ρ are
 * {@link SlurmFidelityTest}'s.
 */
class FidelityCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int fidelity(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "fidelity";
        args[1] = "--manifest";
        args[2] = dir.resolve("missing/manifest.json").toString();
        args[3] = "-o";
        args[4] = dir.resolve("out").toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return CliRunner.execute(out, err, args);
    }

    @Test
    void imageFractionOutsideZeroToOneIsRefused() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--image-fraction", "0"));
        assertEquals("blockbench: image fraction must be in (0, 1], found 0.0", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void imageFractionBelowOneBatchNamesTheSmallest() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--image-fraction", "0.005"));
        assertEquals("blockbench: image fraction 0.005 leaves the quick protocol 10 training and 10 validation images, fewer"
                + " than its batch of 16: the smallest fraction is 0.0078125", err.toString().strip());
    }

    @Test
    void imageFractionScalesBothProtocolsAndSaysSo() {
        TrainingProtocol quick = TrainingProtocol.QUICK.withImageFraction(0.0625);
        TrainingProtocol longer = TrainingProtocol.LONG.withImageFraction(0.0625);
        assertEquals(128, quick.trainSize());
        assertEquals(128, quick.valSize());
        assertEquals(256, longer.trainSize());
        assertEquals(256, longer.valSize());
        assertEquals(TrainingProtocol.QUICK.baseChannels(), quick.baseChannels());
        assertEquals(TrainingProtocol.LONG.scaffold(), longer.scaffold());
        assertEquals(TrainingProtocol.QUICK, TrainingProtocol.QUICK.withImageFraction(1));
        org.junit.jupiter.api.Assertions.assertTrue(longer.describe("synthetic").contains("256 synthetic training images"), longer.describe("synthetic"));
        String fashion = longer.describe("fashion-mnist");
        org.junit.jupiter.api.Assertions.assertTrue(fashion.contains("256 fashion-mnist training images, 256 validation;"),
                fashion);
    }

    @Test
    void unknownDatasetIsRefusedBeforeAnyModelIsRead() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--dataset", "mnist"));
        assertEquals("blockbench: unknown dataset 'mnist', expected one of [synthetic, cifar10, cifar100, fashion-mnist]",
                err.toString().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void shardOutsideItsCountIsRefused() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--shard", "2/2"));
        assertEquals("blockbench: shard must be i/N with N >= 1 and 0 <= i < N, found 2/2", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void fewerThanThreeModelsRankNothing() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--models", "StandardConv/gwo-net,DepthwiseConv/gwo-net", "--shard", "0/2"));
        assertEquals("blockbench: a ranking needs at least 3 models, found [StandardConv/gwo-net, DepthwiseConv/gwo-net]",
                err.toString().strip());
    }

    @Test
    void aFileIsNotAModelToRank() {
        assertEquals(ExitCodes.BAD_INPUT, fidelity("--models", "StandardConv/gwo-net,net.onnx,DepthwiseConv/gwo-net"));
        assertEquals("blockbench: fidelity ranks exported models, which it rebuilds at both protocols' sizes; --models names"
                + " the file net.onnx, give Block/position ids", err.toString().strip());
    }
}
