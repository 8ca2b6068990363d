package org.blockbench.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.quant.QuantSettings;
import org.blockbench.zoo.Form;
import org.blockbench.quant.VariantOptions;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --variants}: files, manifest entries, determinism, old manifests, bad names. */
class ExporterVariantsTest {

    private static final List<ModelId> MODEL = List.of(new ModelId("StandardConv", ModelId.GWO_NETWORK));
    private static final VariantOptions BOTH = new VariantOptions(Set.of(Form.INT8, Form.FP16),
            QuantSettings.DEFAULT, 4, 2, 7);

    @TempDir
    Path dir;

    @Test
    void variantsAreWrittenListedAndByteIdentical() throws IOException {
        Manifest a = new Exporter(dir.resolve("a"), ScaffoldConfig.defaults(), BOTH).export(MODEL, id -> { });
        new Exporter(dir.resolve("b"), ScaffoldConfig.defaults(), BOTH).export(MODEL, id -> { });
        ManifestEntry e = Manifest.read(dir.resolve("a").resolve(Manifest.FILE_NAME)).models().get(0);
        assertEquals(a.models().get(0), e);
        assertEquals(List.of("int8", "fp16"), e.variants().stream().map(VariantFile::variant).toList());
        VariantFile int8 = e.variant("int8").orElseThrow();
        assertEquals("StandardConv/gwo-net/deploy.int8.onnx", int8.file().path());
        assertEquals("4", int8.settings().get("blockbench.quant.calibration.images"));
        assertEquals("7", int8.settings().get("blockbench.quant.calibration.seed"));
        assertEquals("minmax", int8.settings().get("blockbench.quant.method"));
        for (VariantFile v : e.variants()) {
            Path file = dir.resolve("a").resolve(v.file().path());
            assertEquals(v.file().sha256(), OnnxModelFile.sha256(file));
            assertEquals(Files.size(file), v.file().bytes());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(dir.resolve("b").resolve(v.file().path())));
        }
        // the per-tensor report beside the INT8 file, for the board's worst-tensor link: same bytes again
        Path report = org.blockbench.quant.TensorErrorFile.beside(dir.resolve("a").resolve(int8.file().path()));
        assertEquals("deploy.int8.explain.json", report.getFileName().toString());
        org.blockbench.quant.TensorErrorFile explained = org.blockbench.quant.TensorErrorFile.read(report);
        assertEquals(int8.file().sha256(), explained.variantSha256());
        assertEquals("StandardConv/gwo-net", explained.model());
        assertTrue(explained.worst().isPresent());
        assertArrayEquals(Files.readAllBytes(report), Files.readAllBytes(
                org.blockbench.quant.TensorErrorFile.beside(dir.resolve("b").resolve(int8.file().path()))));
        // INT8 stores about a quarter of the FP32 bytes, FP16 about half
        assertTrue(int8.file().bytes() < e.deploy().bytes() / 3, int8.file().bytes() + " vs " + e.deploy().bytes());
    }

    @Test
    void manifestWithoutVariantsStillReads() throws IOException {
        new Exporter(dir, ScaffoldConfig.defaults()).export(MODEL, id -> { });
        Path file = dir.resolve(Manifest.FILE_NAME);
        String old = Files.readString(file).replace(",\n    \"variants\" : [ ]", "");
        assertTrue(!old.contains("variants"), old);
        Files.writeString(file, old);
        assertEquals(List.of(), Manifest.read(file).models().get(0).variants());
    }

    @Test
    void unknownVariantListsTheValidOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> Form.parseVariants(List.of("int8,int4")));
        assertEquals("unknown variant 'int4', expected one of [int8, fp16]", e.getMessage());
    }
}
