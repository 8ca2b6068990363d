package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's "where the time goes" from an {@code overhead --breakdown} report: the config of
 * the board's latency selection is taken, others are passed over, and past five operator types
 * the rest is summed as "other". The HTML bar's widths are the shares of 120 px.
 */
class OpTimeSharesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSelectedConfigsBreakdownAndSumsTheTail() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/overhead.json"), """
                {"format": "blockbench-overhead/1", "measurements": [
                  {"params": {"model": "ResNetBasicBlock/early", "form": "deploy", "batch": "1", "provider": "cpu",
                              "intraOpThreads": "1", "optLevel": "all"},
                   "breakdown": {"byOpType": [
                     {"opType": "Conv", "shareOfKernelTime": 0.5}, {"opType": "Relu", "shareOfKernelTime": 0.2},
                     {"opType": "Add", "shareOfKernelTime": 0.1}, {"opType": "Gemm", "shareOfKernelTime": 0.1},
                     {"opType": "GlobalAveragePool", "shareOfKernelTime": 0.05}, {"opType": "Flatten", "shareOfKernelTime": 0.03},
                     {"opType": "Reshape", "shareOfKernelTime": 0.02}]}},
                  {"params": {"model": "ResNetBasicBlock/mid", "form": "deploy", "batch": "8", "provider": "cpu",
                              "intraOpThreads": "1", "optLevel": "all"},
                   "breakdown": {"byOpType": [{"opType": "Conv", "shareOfKernelTime": 1.0}]}}]}
                """);
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
}
