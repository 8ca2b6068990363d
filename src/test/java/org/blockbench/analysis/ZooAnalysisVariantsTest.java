package org.blockbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.blockbench.export.Exporter;
import org.blockbench.export.Manifest;
import org.blockbench.quant.QuantSettings;
import org.blockbench.zoo.Form;
import org.blockbench.quant.VariantOptions;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.text.RecordingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --manifest} analyses the INT8 and FP16 files {@code export --variants} wrote:
 * the same MACs as the FP32 deploy graph, integer MACs apart (all of them in the INT8 GWO
 * StandardConv network, whose every op is quantized; none in FP16 or FP32), and the files' bytes.
 */
class ZooAnalysisVariantsTest {

    @TempDir
    Path dir;

    @Test
    void variantsAreAnalysedWithIntegerMacsApartAndTheirBytes() throws Exception {
        VariantOptions both = new VariantOptions(Set.of(Form.INT8, Form.FP16), QuantSettings.DEFAULT, 4, 2, 7);
        new Exporter(dir, ScaffoldConfig.defaults(), both).export(List.of(new ModelId("StandardConv", ModelId.GWO_NETWORK)),
                id -> { });
        RecordingProgress progress = new RecordingProgress();
        ZooAnalysis.Result result = ZooAnalysis.writeBeside(dir.resolve(Manifest.FILE_NAME), progress);
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of("start analyze 1 ITEMS", "message StandardConv/gwo-net", "step", "close"), progress.calls());
        ZooAnalysisFile.Entry e = ZooAnalysisFile.read(result.file()).models().get(0);
        assertEquals(Set.of("int8", "fp16"), e.variants().keySet());
        ZooAnalysisFile.GraphTotals int8 = e.variants().get("int8");
        ZooAnalysisFile.GraphTotals fp16 = e.variants().get("fp16");
        assertEquals(e.deploy().macs(), int8.macs());
        assertEquals(e.deploy().macs(), fp16.macs());
        assertEquals(int8.macs(), int8.integerMacs());
        assertEquals(0, fp16.integerMacs());
        assertEquals(0, e.deploy().integerMacs());
        assertEquals("StandardConv/gwo-net/deploy.int8.onnx", int8.path());
        for (ZooAnalysisFile.GraphTotals t : List.of(e.deploy(), int8, fp16)) {
            assertEquals(Files.size(dir.resolve(t.path())), t.fileBytes(), t.path());
        }
        assertTrue(int8.fileBytes() < e.deploy().fileBytes() / 3, int8.fileBytes() + " vs " + e.deploy().fileBytes());
    }
}
