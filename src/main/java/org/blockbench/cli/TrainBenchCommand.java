package org.blockbench.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.TrainingBenchmark;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench train-bench}: training throughput (images/s) of a model per memory format,
 * and RSS after every step. Writes a JSON report; prints a table.
 */
@Command(name = "train-bench", mixinStandardHelpOptions = true,
        description = {"Benchmark training steps (forward, cross-entropy, backward, Adam) of a zoo model or ONNX file:",
            "images/s per memory format, and resident memory after every step (to show it stays flat)."})
public final class TrainBenchCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "ResNetBasicBlock/mid",
            description = "Zoo model BLOCK/POSITION, built with seed 0 and 10 classes (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--onnx", description = "Benchmark this ONNX file instead of a zoo model")
    Path onnx;

    @Option(names = "--batch", defaultValue = "256", description = "Images per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--steps", defaultValue = "10", description = "Measured steps per format (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", description = "LibTorch threads (default: available processors)")
    Integer threads;

    @Option(names = "--memory-formats", split = ",", defaultValue = "nchw,channels_last",
            description = "Formats to measure, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = {"-o", "--out"}, defaultValue = "analysis/training/bench",
            description = "Directory for the JSON report (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TorchRuntime.initialize();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        String label = onnx != null ? onnx.toString() : model;
        TrainingBenchmark.Request request = new TrainingBenchmark.Request(onnx != null ? OnnxModelFile.read(onnx) : zooModel(model),
                label, formats.stream().map(MemoryLayout::parse).toList(), batch, threadCount, warmup, steps, out);
        TrainingBenchmark.Result result = TrainingBenchmark.run(request, ConsoleProgress.of(quiet));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("%-14s %6s %8s %12s %14s %12s %12s %16s%n", "memory_format", "batch", "threads", "images/s",
                "median step s", "RSS first MiB", "RSS last MiB", "RSS slope KiB/step");
        for (TrainingBenchmark.Measurement m : result.measurements()) {
            long[] rss = m.rssKibAfterStep();
            printer.printf("%-14s %6d %8d %12.1f %14.3f %12.1f %12.1f %16.1f%n", m.memoryFormat(), m.batch(), m.threads(),
                    m.imagesPerSecond(), m.medianStepSeconds(), rss[0] / 1024.0, rss[rss.length - 1] / 1024.0,
                    m.rssSlopeKibPerStep());
        }
        printer.println("report: " + result.report());
        return ExitCodes.OK;
    }

    private static ModelProto zooModel(String id) {
        return Zoo.build(ModelId.parse(id), Form.TRAIN,
                ScaffoldConfig.defaults()).model();
    }
}
