package org.blockbench.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.OrtEval;
import org.blockbench.quant.VariantOptions;
import org.blockbench.text.RecordingProgress;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.ZooSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    private static final List<ModelId> MODELS = List.of(new ModelId("ResNetBasicBlock", "early"),
            new ModelId("MobileOneBlock", "late"), new ModelId("DeformableConv", ModelId.GWO_NETWORK));

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        new Exporter(a, ScaffoldConfig.defaults().withSeed(42)).export(MODELS, id -> { });
        new Exporter(b, ScaffoldConfig.defaults().withSeed(42)).export(MODELS, id -> { });
        new Exporter(c, ScaffoldConfig.defaults().withSeed(43)).export(MODELS, id -> { });
        List<Path> files = relativeFiles(a);
        assertEquals(2 * MODELS.size() + 1, files.size());
        assertEquals(files, relativeFiles(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
            if (f.toString().endsWith(".onnx")) {
                assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f))),
                        f + " should change with the seed");
            }
        }
    }

    @Test
    void runShowsEachExportedModelToItsProgress() {
        RecordingProgress progress = new RecordingProgress();
        ExportResult result = Exporter.run(new ExportRequest(dir, ScaffoldConfig.defaults(), VariantOptions.none(), false,
                new ZooSelection(List.of("StandardConv"), List.of("early", "late"), false), List.of()), pack -> {
                    throw new AssertionError("no pack given, none refused: " + pack.line());
                }, progress);
        assertEquals(2, result.manifest().models().size());
        assertEquals(List.of("start export 2 ITEMS", "message StandardConv/early", "step", "message StandardConv/late", "step",
                "close"), progress.calls());
    }

    @Test
    void manifestDescribesTheFilesOnDisk() {
        Manifest m = new Exporter(dir, ScaffoldConfig.defaults()).export(MODELS, id -> { });
        Manifest read = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        assertEquals(m, read);
        ManifestEntry resnet = read.find("ResNetBasicBlock", "early").orElseThrow();
        assertEquals(4_505_866L, resnet.trainableParams());
        assertEquals(List.of("batch", 3, 32, 32), resnet.inputShape());
        ManifestEntry deformable = read.find("DeformableConv", ModelId.GWO_NETWORK).orElseThrow();
        assertEquals(3114, deformable.gwo().dynamicParams());
        assertEquals(8, deformable.gwo().descriptiveComplexity());
        for (ManifestEntry e : read.models()) {
            for (ModelFile f : List.of(e.train(), e.deploy())) {
                Path file = dir.resolve(f.path());
                assertEquals(f.sha256(), OnnxModelFile.sha256(file));
                var model = OnnxModelFile.read(file);
                float[] logits = OrtEval.run(model, e.inputName(), OrtEval.randomInput(1, 3 * 32 * 32), 1, 3, 32, 32);
                assertEquals(e.classes(), logits.length);
            }
        }
    }

    @Test
    void reExportingASubsetKeepsTheOtherEntries() {
        new Exporter(dir, ScaffoldConfig.defaults()).export(MODELS, id -> { });
        Manifest m = new Exporter(dir, ScaffoldConfig.defaults()).export(List.of(MODELS.get(0)), id -> { });
        assertEquals(MODELS.size(), m.models().size());
        Manifest other = new Exporter(dir, ScaffoldConfig.defaults().withSeed(9)).export(List.of(MODELS.get(0)), id -> { });
        assertEquals(1, other.models().size(), "a different seed starts a fresh manifest");
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void noTemporaryFilesRemain() throws IOException {
        new Exporter(dir, ScaffoldConfig.defaults()).export(List.of(MODELS.get(1)), id -> { });
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
