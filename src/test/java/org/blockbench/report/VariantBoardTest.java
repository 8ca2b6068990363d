package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.export.VariantFile;
import org.blockbench.quant.QdqQuantizer;
import org.blockbench.quant.TensorErrorFile;
import org.blockbench.stats.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written board's INT8 columns end to end: Markdown, HTML and leaderboard-variants.csv state
 * the ISA quantized for and measured on, the drop with its interval, and link the worst tensor to
 * the board's own copy of the per-tensor report.
 */
class VariantBoardTest {

    private static final ModelRef KEY = ModelRef.of("RepMixer", "mid");

    @Test
    void boardLinksTheWorstTensorAndStatesBothInstructionSets(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("jmh/run1/results.json");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "[]");
        RunEnvironment env = new RunEnvironment("2026-12-07T00:00:00Z", "AMD EPYC 7B13", 2, 2, "Linux", "jvm", "1.22",
                "onnxruntime", List.of("CPU"), "abc", false, "absent", "absent", "AMD EPYC 7B13 (avx2, no VNNI)", List.of("avx2"));
        new ResultsMetadata(ResultsMetadata.FORMAT, "results.json", "run1", "all", env.capturedAt(), env, null, null, null, null,
                null, null, null).write(ResultsMetadata.sidecarOf(results));
        LatencyResult fp32 = new LatencyResult(KEY, "deploy", 1, "cpu", 1, "all", "avgt", 10, 1, Stats.of(10), Double.NaN, 10, 10,
                10, 10, 3, results);
        LatencyResult int8 = new LatencyResult(KEY, "int8", 1, "cpu", 1, "all", "avgt", 4, 0.5, Stats.of(4), Double.NaN, 4, 4, 4,
                4, 3, results);
        Path models = dir.resolve("onnx-models");
        ModelFile deploy = new ModelFile("RepMixer/mid/deploy.onnx", "x", 4000, 1000);
        ManifestEntry entry = new ManifestEntry("RepMixer", "mid", "input", List.of("batch", 3, 32, 32), "logits", 10, 17, 1000, 0,
                deploy, deploy, null, List.of(new VariantFile("int8", new ModelFile("RepMixer/mid/deploy.int8.onnx", "s8", 1100, 1000),
                        Map.of(QdqQuantizer.ISA_KEY, "AMD EPYC 7B13 (avx2, no VNNI)", QdqQuantizer.REDUCE_RANGE_KEY, "true"))));
        Manifest manifest = new Manifest(Manifest.FORMAT, 0, 10, 32, "pytorch", 17, List.of(entry));
        new TensorErrorFile(TensorErrorFile.FORMAT, "RepMixer/mid", "s8", "hand",
                List.of(new TensorErrorFile.Tensor("stageB.0/Add", "activation", 21.14, 1, 0.0077, 10)))
                .write(models.resolve("RepMixer/mid/deploy.int8.explain.json"));
        List<SeedResult> runs = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            runs.add(new SeedResult(KEY, "synthetic", "blockzoo", seed, 1, 64, 1e-3, 50, 50, 1, 10, "", "run.json", null, 1024,
                    List.of(new SeedResult.VariantSeed("int8", 49, 1 + 2 * seed, 0.97, 256))));
        }
        List<String> notes = new ArrayList<>();
        VariantEvidence evidence = VariantEvidence.load(manifest, models.resolve("manifest.json"), List.of(fp32, int8), notes);
        LeaderboardInputs in = new LeaderboardInputs(manifest, Map.of(), List.of(fp32, int8), runs, Map.of(),
                new Leaderboard.Inputs("m", "a", "j", "t"), notes, null, "", List.of(), evidence);
        Leaderboard lb = LeaderboardBuilder.build(in, LeaderboardSettings.defaults(), k -> true);
        Path out = dir.resolve("analysis");
        LeaderboardWriter.write(lb, out);

        String link = "int8-explain/RepMixer/mid/deploy.int8.explain.json";
        assertEquals("stageB.0/Add", TensorErrorFile.read(out.resolve(link)).worst().orElseThrow().tensor());
        String md = Files.readString(out.resolve(LeaderboardWriter.MARKDOWN));
        assertTrue(md.contains("| avx2, no VNNI | avx2, no VNNI | [stageB.0/Add (21.1 dB)](" + link + ") |"), md);
        assertTrue(md.contains("2.00 pp \\[-10.71, 14.71\\], not resolved"), md);
        String html = Files.readString(out.resolve(LeaderboardWriter.HTML));
        assertTrue(html.contains("<a href=\"" + link + "\">stageB.0/Add (21.1 dB)</a>"), html);
        String csv = Files.readString(out.resolve(VariantTable.CSV));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith("measured_on,isa_mismatch,worst_tensor,worst_tensor_snr_db,"
                + "tensor_report"), csv);
        assertTrue(csv.contains("RepMixer/mid,RepMixer,mid,int8,4,10,2.5,"), csv);
        assertTrue(csv.contains(",-10.7062,14.7062,0.05,false,\"AMD EPYC 7B13 (avx2, no VNNI)\",true,"
                + "\"AMD EPYC 7B13 (avx2, no VNNI)\",false,stageB.0/Add,21.14," + link), csv);
    }
}
