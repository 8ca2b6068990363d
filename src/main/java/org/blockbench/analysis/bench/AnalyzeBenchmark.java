package org.blockbench.analysis.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.blockbench.analysis.AnalysisJson;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.onnx.OnnxModelFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hypothesis: static analysis of a ResNet-50-sized graph (torchvision ResNet-50, 25.6 M
 * parameters, 102 MB file, 175 nodes) takes well under a second, so
 * `blockbench analyze` and the leaderboard never wait on it.
 *
 * <p>Baseline: {@link #parseOnly} (protobuf parse and validation of the file's bytes), the
 * floor that any analysis of a file pays; {@link #analyzeParsed} is the analysis proper
 * (shape inference, costs, memory schedule, a scan of every weight for connection sparsity);
 * {@link #parseAnalyzeAndWriteJson} is what the CLI does after reading the file.
 *
 * <p>Run: {@code java -cp target/blockbench.jar org.openjdk.jmh.Main AnalyzeBenchmark}
 * (add {@code -rf json -rff jmh-results/analyze.json} for a JSON result).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalyzeBenchmark {

    private static final Map<String, long[]> INPUT = Map.of("input", new long[] {1, 3, 224, 224});

    /** ResNet-50 as a parsed model and as file bytes, built once per trial. */
    @State(Scope.Benchmark)
    public static class ResNet50 {
        ModelProto model;
        byte[] bytes;

        @Setup(Level.Trial)
        public void build() {
            model = TorchvisionResNet.resnet50(0);
            bytes = model.toByteArray();
        }
    }

    @Benchmark
    public ModelProto parseOnly(ResNet50 s) {
        return OnnxModelFile.parse("resnet50.onnx", s.bytes);
    }

    @Benchmark
    public GraphAnalysis analyzeParsed(ResNet50 s) {
        return GraphAnalyzer.analyze(s.model, "resnet50.onnx", INPUT);
    }

    @Benchmark
    public byte[] parseAnalyzeAndWriteJson(ResNet50 s) {
        ModelProto m = OnnxModelFile.parse("resnet50.onnx", s.bytes);
        return AnalysisJson.bytes(AnalysisJson.tree(GraphAnalyzer.analyze(m, "resnet50.onnx", INPUT)));
    }
}
