package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.overhead.OverheadMeasurement;
import org.blockbench.bench.overhead.OverheadReport;
import org.blockbench.bench.profile.NodeBreakdown;
import org.blockbench.bench.profile.NodeBreakdown.OpTypeTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's "where the time goes" from an {@code overhead --breakdown} report: the config of
 * the board's latency selection is taken, others are passed over, and past five operator types
 * the rest is summed as "other". The HTML bar's widths are the shares of 120 px. The report is
 * written by the record {@code overhead} writes, so writer and reader share one schema.
 */
class OpTimeSharesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSelectedConfigsBreakdownAndSumsTheTail() throws Exception {
        new OverheadReport(null, Map.of("forks", "1"), List.of(
                measurement("ResNetBasicBlock/early", 1, new OpTypeTime("Conv", 1, 50, 0.5), new OpTypeTime("Relu", 1, 20, 0.2),
                        new OpTypeTime("Add", 1, 10, 0.1), new OpTypeTime("Gemm", 1, 10, 0.1),
                        new OpTypeTime("GlobalAveragePool", 1, 5, 0.05), new OpTypeTime("Flatten", 1, 3, 0.03),
                        new OpTypeTime("Reshape", 1, 2, 0.02)),
                measurement("ResNetBasicBlock/mid", 8, new OpTypeTime("Conv", 1, 100, 1.0))), List.of())
                .write(Files.createDirectories(dir.resolve("run")));
        List<String> notes = new ArrayList<>();
        Map<ModelRef, OpTimeShares> read = OpTimeShares.readDirectory(dir, LatencySelection.defaults(), notes);

        assertEquals(List.of(ModelRef.of("ResNetBasicBlock", "early")), List.copyOf(read.keySet()), "batch 8 is not the board's config");
        List<OpTimeShares.Share> top = read.get(ModelRef.of("ResNetBasicBlock", "early")).top();
        assertEquals(List.of("Conv", "Relu", "Add", "Gemm", "GlobalAveragePool", "other"), top.stream().map(OpTimeShares.Share::opType).toList());
        assertEquals(0.05, top.get(5).share(), 1e-12, "Flatten 0.03 + Reshape 0.02");
        assertEquals(List.of(), notes);

        String bar = HtmlTables.bar(read.get(ModelRef.of("ResNetBasicBlock", "early")), List.of("Conv", "Relu", "Add", "Gemm",
                "GlobalAveragePool", "other"));
        assertTrue(bar.contains("<rect x=\"0.00\" width=\"60.00\" height=\"12\" fill=\"#0072b2\"/>"), bar);
        assertTrue(bar.contains("<rect x=\"60.00\" width=\"24.00\""), bar);
        assertTrue(bar.endsWith("</svg>Conv 50 %"), bar);
        assertTrue(OpTimeShares.readDirectory(dir.resolve("absent"), LatencySelection.defaults(), notes).isEmpty());
    }

    @Test
    void aReportOfTheFormerVersionIsRefusedInOneLine() throws Exception {
        Path file = Files.createDirectories(dir.resolve("old")).resolve("overhead.json");
        Files.writeString(file, "{\"format\": \"blockbench-overhead/1\", \"measurements\": []}");
        BadInputException e = assertThrows(BadInputException.class,
                () -> OpTimeShares.readDirectory(dir, LatencySelection.defaults(), new ArrayList<>()));
        assertEquals(file + ": format 'blockbench-overhead/1', expected 'blockbench-overhead/2' (written by"
                + " `blockbench overhead` of this version; run it again)", e.getMessage());
    }

    private static OverheadMeasurement measurement(String model, int batch, OpTypeTime... types) {
        return new OverheadMeasurement(model, new OrtBenchmarkParams(model, "deploy", batch, "cpu", 1, "all"), 10, 1, 1, 10, 1, 1,
                1, 1, 1, 0, Map.of("CPUExecutionProvider", 7), new NodeBreakdown(List.of(types), List.of(), 100, 110));
    }
}
