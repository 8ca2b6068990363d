package org.blockbench.fuzz;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelEntry;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.bench.sweep.Preflight;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.blockbench.train.ModelSource;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.Precision;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.zoo.Form;

/**
 * Runs one case in-process through its target's real entry point. CLI targets go through
 * {@link BlockBench#commandLine()} exactly as {@code main} does. The API targets (bench's
 * pre-check, train's loader) are what those commands call before their slow part (JMH, the
 * epochs); their exception is turned into an exit code by the CLI's own {@link ExitCodes}
 * mapping, and printed as its handler would: one line for a user error, a stack trace for a
 * defect. The bench pre-check reports a refused config as exit 1, as the sweep does.
 */
final class TargetRunner {

    private static boolean torchReady;

    private TargetRunner() {
    }

    /** Runs the unmutated control case of every target in {@code targets}; each must exit 0. */
    static void warmUp(java.util.List<Target> targets, CaseFactory factory) {
        for (Target t : targets) {
            FuzzCase control = factory.control(t);
            Outcome o = run(control);
            if (o.exitCode() != ExitCodes.OK) {
                throw new IllegalStateException("the unmutated control case of " + t.label() + " exited " + o.exitCode()
                        + ", not 0; the harness does not drive it correctly: " + o.stderr());
            }
            FuzzFiles.deleteTree(control.dir());
        }
    }

    static Outcome run(FuzzCase c) {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        String thrown = "";
        // product code that prints to System.out/err directly is captured too
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        try {
            code = switch (c.target()) {
                case ANALYZE, COMPARE, LEADERBOARD -> cli(c, out, err);
                case PREFLIGHT -> {
                    preflight(c);
                    yield ExitCodes.OK;
                }
                case TRAIN_LOAD -> {
                    trainLoad(c);
                    yield ExitCodes.OK;
                }
            };
        } catch (Throwable t) {
            thrown = t.getClass().getName();
            code = new ExitCodes().getExitCode(t);
            if (c.target() == Target.PREFLIGHT && t instanceof RuntimeException r
                    && org.blockbench.bench.sweep.ConfigFailure.ownedByConfig(r)) {
                code = ExitCodes.FINDINGS; // as the sweep records a config's own failure
            }
            if (code == ExitCodes.INTERNAL_ERROR || t instanceof Error) {
                code = ExitCodes.INTERNAL_ERROR;
                t.printStackTrace(new PrintWriter(err, true));
            } else {
                // as ExitCodes and the sweep print it
                err.write(org.blockbench.text.OneLine.of("blockbench: " + t.getMessage()) + System.lineSeparator());
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out + sysOut.toString(StandardCharsets.UTF_8), err + sysErr.toString(StandardCharsets.UTF_8),
                thrown, (System.nanoTime() - start) / 1_000_000);
    }

    private static int cli(FuzzCase c, StringWriter out, StringWriter err) {
        var cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(c.args().toArray(new String[0]));
    }

    private static void preflight(FuzzCase c) {
        ModelEntry entry = ModelEntry.ofFile(c.input());
        BenchConfig config = new BenchConfig(entry.ref(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        Preflight.check(new PlannedConfig(config, entry), c.dir().resolve("scratch"));
    }

    /** What {@code train --onnx FILE} does before its first epoch (TrainCommand.models, TrainingRun.execute). */
    private static void trainLoad(FuzzCase c) {
        if (!torchReady) {
            TorchRuntime.initialize();
            torchReady = true;
        }
        Path file = c.input();
        ModelSource.OnnxFile source = ModelSource.OnnxFile.read(file);
        int classes = source.nativeClasses() > 0 ? source.nativeClasses() : 10;
        ModelProto initial = source.initialModel(0, classes);
        try (TorchGraph graph = TorchGraph.compile(initial, source.id(), Precision.FLOAT32, MemoryLayout.parse("nchw"))) {
            graph.parameters().trainableElements(); // what TrainingRun reads first from the compiled graph
        }
    }
}
