package org.blockbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's parameters, typed: read from a JMH record's params with the defaults older
 * files need, and written back under the names of {@link OrtInferenceBenchmark}'s fields.
 */
class OrtBenchmarkParamsTest {

    @Test
    void readsEveryParameterAndWritesThemBackInDeclarationOrder() {
        Map<String, String> jmh = Map.of("model", "ResNetBasicBlock/early", "form", "int8", "batch", "8", "provider", "cpu",
                "intraOpThreads", "2", "optLevel", "extended");
        OrtBenchmarkParams p = OrtBenchmarkParams.of(jmh, "r.json record 0");
        assertEquals(new OrtBenchmarkParams("ResNetBasicBlock/early", "int8", 8, "cpu", 2, "extended"), p);
        assertEquals(jmh, p.toMap());
        assertEquals(List.of("model", "form", "batch", "provider", "intraOpThreads", "optLevel"), List.copyOf(p.toMap().keySet()));
        assertEquals(List.of(OrtInferenceBenchmark.PARAM_MODEL, OrtInferenceBenchmark.PARAM_FORM, OrtInferenceBenchmark.PARAM_BATCH,
                OrtInferenceBenchmark.PARAM_PROVIDER, OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS,
                OrtInferenceBenchmark.PARAM_OPT_LEVEL), List.copyOf(p.toMap().keySet()));
    }

    @Test
    void olderFilesReadWithDefaultsAndTheFormerThreadsName() {
        assertEquals(new OrtBenchmarkParams("a.onnx", "deploy", 1, "cpu", -1, ""),
                OrtBenchmarkParams.of(Map.of("model", "a.onnx"), "w"));
        assertEquals(4, OrtBenchmarkParams.of(Map.of("model", "a.onnx", "threads", "4"), "w").intraOpThreads());
        assertEquals("3", OrtBenchmarkParams.intraOpThreadsText(Map.of("intraOpThreads", "3", "threads", "4")).orElseThrow());
        assertTrue(OrtBenchmarkParams.intraOpThreadsText(Map.of()).isEmpty());
    }

    @Test
    void aRecordOfAnotherBenchmarkOrABadNumberIsBadInput() {
        assertFalse(OrtBenchmarkParams.isOrtBenchmark(Map.of("size", "10")));
        assertTrue(OrtBenchmarkParams.isOrtBenchmark(Map.of("model", "x.onnx")));
        BadInputException e = assertThrows(BadInputException.class,
                () -> OrtBenchmarkParams.of(Map.of("model", "a.onnx", "batch", "eight"), "r.json record 2 (run)"));
        assertEquals("r.json record 2 (run) field params.batch: expected an integer, found 'eight'", e.getMessage());
        e = assertThrows(BadInputException.class, () -> OrtBenchmarkParams.of(Map.of("size", "10"), "r.json record 0"));
        assertEquals("r.json record 0 field params: no 'model', so it is not a result of OrtInferenceBenchmark", e.getMessage());
    }
}
