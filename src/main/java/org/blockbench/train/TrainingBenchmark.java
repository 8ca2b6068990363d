package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.blockbench.ort.SeededInput;
import org.blockbench.stats.Stats;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.Precision;
import org.blockbench.train.interp.SharedTensors;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.TorchTensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Measures training steps of a graph: images per second of full steps (forward in training
 * mode, cross-entropy, backward, Adam step) on a fixed random batch, and the process's
 * resident set size (RSS, from /proc/self/status) after every step, to show that native
 * memory stays flat when each step runs in its own {@code PointerScope}.
 *
 * <p>Hypothesis: channels_last is faster than NCHW on CPU for conv nets; RSS does not grow
 * with steps. Baseline: NCHW. Run with {@code blockbench train-bench}.
 */
public final class TrainingBenchmark {

    static {
        TorchRuntime.initialize();
    }

    private TrainingBenchmark() {
    }

    /**
     * One measured configuration.
     *
     * @param stepSeconds        wall time of each measured step
     * @param imagesPerSecond    batch × steps / total measured time
     * @param rssKibAfterStep    RSS after each measured step, KiB
     */
    public record Measurement(String memoryFormat, int batch, int threads, int warmupSteps, double[] stepSeconds,
                              double imagesPerSecond, double medianStepSeconds, long[] rssKibAfterStep,
                              double rssSlopeKibPerStep) {
    }

    /**
     * What {@code train-bench} measures.
     *
     * @param model   the graph trained (train form)
     * @param label   its name in the report and the file name
     * @param layouts the memory formats measured, one after the other
     * @param batch   images per step
     * @param threads LibTorch threads
     * @param warmup  unmeasured steps first
     * @param steps   measured steps per format
     * @param out     the directory the report is written to
     */
    public record Request(ModelProto model, String label, List<MemoryLayout> layouts, int batch, int threads, int warmup,
                          int steps, Path out) {

        public Request {
            layouts = List.copyOf(layouts);
            if (batch < 2 || steps < 1 || warmup < 0) {
                throw new org.blockbench.BadInputException("need --batch >= 2, --steps >= 1 and --warmup >= 0, found " + batch
                        + ", " + steps + ", " + warmup);
            }
        }
    }

    /** The measurements of a {@link Request}, in its formats' order, and the report written of them. */
    public record Result(List<Measurement> measurements, Path report) {

        public Result {
            measurements = List.copyOf(measurements);
        }
    }

    /** Measures each of {@code request}'s formats, its steps shown on {@code progress}, and writes the report. */
    public static Result run(Request request, org.blockbench.text.Progress.Factory progress) {
        List<Measurement> results = new ArrayList<>();
        for (MemoryLayout layout : request.layouts()) {
            try (org.blockbench.text.Progress bar = progress.start(request.label() + " " + layout.id(),
                    request.warmup() + request.steps(), org.blockbench.text.Progress.Unit.STEPS)) {
                results.add(measure(request.model(), request.label(), layout, request.batch(), request.threads(),
                        request.warmup(), request.steps(), bar::stepTo));
            }
        }
        Path file = request.out().resolve("train-bench-" + request.label().replaceAll("[^A-Za-z0-9.-]+", "_") + "-b"
                + request.batch() + "-" + java.time.Instant.now().toString().replace(":", "") + ".json");
        TrainBenchReport.of(request.label(), results).write(file);
        return new Result(results, file);
    }

    /** Runs {@code warmup} unmeasured and {@code steps} measured training steps. */
    public static Measurement measure(ModelProto model, String label, MemoryLayout layout, int batch, int threads,
            int warmup, int steps, IntConsumer progress) {
        TorchRuntime.setThreads(threads);
        int classes;
        try (TorchGraph graph = TorchGraph.compile(SharedTensors.separate(model), label, Precision.FLOAT32, layout)) {
            long[] inputShape = inputShape(model, batch);
            float[] pixels = SeededInput.standardNormal(SeededInput.SEED,
                    Math.toIntExact(Arrays.stream(inputShape).reduce(1, Math::multiplyExact)));
            Tensor x = TorchTensors.fromFloats(pixels, inputShape);
            if (layout == MemoryLayout.CHANNELS_LAST) {
                x = x.contiguous(layout.format());
            }
            classes = outputClasses(graph, x);
            long[] labels = new long[batch];
            SplittableRandom r = new SplittableRandom(SeededInput.SEED);
            for (int i = 0; i < batch; i++) {
                labels[i] = r.nextInt(classes);
            }
            Tensor y = TorchTensors.fromLongs(labels, batch);
            double[] seconds = new double[steps];
            long[] rss = new long[steps];
            try (TensorVector params = graph.parameters().trainableVector();
                 Adam adam = new Adam(params, new AdamOptions(1e-3))) {
                for (int s = 0; s < warmup + steps; s++) {
                    long t0 = System.nanoTime();
                    try (PointerScope scope = new PointerScope()) {
                        adam.zero_grad();
                        Tensor loss = torch.cross_entropy_loss(graph.forward(x, true), y);
                        loss.backward();
                        adam.step();
                        loss.item_double();
                    }
                    long t1 = System.nanoTime();
                    if (s >= warmup) {
                        seconds[s - warmup] = (t1 - t0) / 1e9;
                        rss[s - warmup] = residentKib();
                    }
                    progress.accept(s + 1);
                }
            } finally {
                x.close();
                y.close();
            }
            double total = Arrays.stream(seconds).sum();
            double median = Stats.of(seconds).median();
            return new Measurement(layout.id(), batch, threads, warmup, seconds, batch * steps / total, median, rss,
                    slope(rss));
        }
    }

    /** Least-squares slope of {@code values} against their index (KiB per step). */
    static double slope(long[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = Arrays.stream(values).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (values[i] - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    /** VmRSS of this process in KiB (Linux), or -1 where /proc is absent. */
    public static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long[] inputShape(ModelProto model, int batch) {
        var input = model.getGraph().getInput(0).getType().getTensorType().getShape();
        List<Long> dims = new ArrayList<>();
        dims.add((long) batch);
        for (int i = 1; i < input.getDimCount(); i++) {
            if (!input.getDim(i).hasDimValue()) {
                throw new org.blockbench.BadInputException(model.getGraph().getName() + ": input dimension " + i
                        + " is symbolic; the benchmark needs a fixed image shape");
            }
            dims.add(input.getDim(i).getDimValue());
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static int outputClasses(TorchGraph graph, Tensor x) {
        try (PointerScope scope = new PointerScope(); org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
            return (int) graph.forward(x.narrow(0, 0, Math.min(2, x.size(0))), false).size(1); // batch 1 too
        }
    }
}
