package org.blockbench.bench.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.bench.TinyModels;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.ort.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtProfileTest {

    /** Two runs of a two-node graph, in ONNX Runtime's trace format (fields in ORT's order, plus ones we skip). */
    static final String TRACE = """
            [
            {"cat" : "Session","pid" :1,"tid" :1,"dur" :300,"ts" :5,"ph" : "X","name" :"session_initialization","args" : {}},
            {"cat" : "Node","pid" :1,"tid" :1,"dur" :60,"ts" :1001,"ph" : "X","name" :"conv1_kernel_time","args" : {"thread_scheduling_stats":"","output_type_shape":[{"float":[1,4,8,8]}],"provider" : "CPUExecutionProvider","op_name" : "Conv"}},
            {"cat" : "Node","pid" :1,"tid" :1,"dur" :20,"ts" :1062,"ph" : "X","name" :"fc_kernel_time","args" : {"provider" : "CPUExecutionProvider","op_name" : "Gemm"}},
            {"cat" : "Session","pid" :1,"tid" :1,"dur" :100,"ts" :1000,"ph" : "X","name" :"model_run","args" : {}},
            {"cat" : "Node","pid" :1,"tid" :1,"dur" :40,"ts" :2001,"ph" : "X","name" :"conv1_kernel_time","args" : {"provider" : "CPUExecutionProvider","op_name" : "Conv"}},
            {"cat" : "Node","pid" :1,"tid" :1,"dur" :20,"ts" :2042,"ph" : "X","name" :"fc_kernel_time","args" : {"provider" : "CUDAExecutionProvider","op_name" : "Gemm"}},
            {"cat" : "Session","pid" :1,"tid" :1,"dur" :80,"ts" :2000,"ph" : "X","name" :"model_run","args" : {}}
            ]
            """;

    @Test
    void readsRunsAndSumsKernelTimePerNode() {
        OrtProfile p = OrtProfile.parse(TRACE, "trace");
        assertArrayEquals(new long[] {1000, 2000}, p.modelRunStartMicros());
        assertArrayEquals(new long[] {100, 80}, p.modelRunMicros());
        assertEquals(List.of(new NodeTime("conv1", "Conv", "CPUExecutionProvider", 2, 100),
                new NodeTime("fc", "Gemm", "CPUExecutionProvider", 2, 40)), p.nodes());
        assertEquals(50.0, p.nodes().get(0).meanMicros());
    }

    @Test
    void runsInsideWindowsAreThoseThatStartAndEndInOne() {
        OrtProfile p = OrtProfile.parse(TRACE, "trace");
        assertArrayEquals(new long[] {80}, p.modelRunsWithin(List.of(new long[] {1500, 2080})));
        assertArrayEquals(new long[] {}, p.modelRunsWithin(List.of(new long[] {1500, 2079})));
        assertArrayEquals(new long[] {100, 80}, p.modelRunsWithin(List.of(new long[] {1000, 1100}, new long[] {1999, 3000})));
    }

    @Test
    void breakdownSharesAreOfKernelTime() {
        NodeBreakdown b = NodeBreakdown.of(OrtProfile.parse(TRACE, "trace"), 1);
        assertEquals(140, b.totalKernelMicros());
        assertEquals(180, b.totalRunMicros());
        assertEquals(140.0 / 180.0, b.kernelShareOfRun(), 1e-12);
        assertEquals(List.of(new NodeBreakdown.OpTypeTime("Conv", 1, 100, 100.0 / 140.0),
                new NodeBreakdown.OpTypeTime("Gemm", 1, 40, 40.0 / 140.0)), b.byOpType());
        assertEquals(List.of("conv1"), b.topNodes().stream().map(NodeTime::node).toList());
    }

    @Test
    void aNodeIsCountedUnderTheProviderOfItsFirstEvent() {
        assertEquals(Map.of("CPUExecutionProvider", 2), OrtProfile.parse(TRACE, "trace").nodesByProvider());
    }

    @Test
    void aTruncatedProfileFailsNamingIt() {
        String truncated = TRACE.substring(0, TRACE.length() / 2);
        BadInputException e = assertThrows(BadInputException.class, () -> OrtProfile.parse(truncated, "p.json"));
        assertTrue(e.getMessage().startsWith("p.json: not a readable ONNX Runtime profile"), e.getMessage());
        assertThrows(BadInputException.class, () -> OrtProfile.parse("{}", "p.json"));
    }

    @Test
    void emptyProfileGivesNaNShares() {
        NodeBreakdown b = NodeBreakdown.of(OrtProfile.parse("[]", "empty"), 5);
        assertTrue(Double.isNaN(b.kernelShareOfRun()));
        assertEquals(List.of(), b.byOpType());
    }

    /**
     * A real profile: ONNX Runtime's clock and {@link MeasurementWindows}' clock agree, so a
     * window around exactly five runs contains exactly those five model_run events.
     */
    @Test
    void windowsTakenInJavaSelectExactlyTheRunsMadeInsideThem(@TempDir Path dir) throws Exception {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 16, 8, 3);
        SessionSettings settings = new SessionSettings(Provider.CPU, 1, OptimizationLevel.ALL).withProfiling(dir.resolve("prof"));
        Path profile;
        MeasurementWindows windows;
        try (InferenceSession session = InferenceSession.open(model, settings, 1)) {
            windows = new MeasurementWindows(session.profilingStartNanos());
            for (int i = 0; i < 3; i++) {
                session.run().close();
            }
            Thread.sleep(5);
            windows.begin();
            for (int i = 0; i < 5; i++) {
                session.run().close();
            }
            windows.end();
            Thread.sleep(5);
            session.run().close();
            profile = session.endProfiling();
        }
        windows.writeBeside(profile);
        OrtProfile p = OrtProfile.read(profile);
        assertEquals(1 + 3 + 5 + 1, p.modelRunMicros().length, "one pinning run in open(), then 3 + 5 + 1");
        assertEquals(5, p.modelRunsWithin(MeasurementWindows.readBeside(profile)).length);
        assertEquals(Map.of("CPUExecutionProvider", p.nodes().size()), p.nodesByProvider());
        assertTrue(Files.size(profile) > 0);
    }
}
