package org.blockbench.bench.sweep;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.blockbench.zoo.Form;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.Shard;
import org.blockbench.bench.SweepSelection;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.text.Progress;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.TimeValue;

/** Sweeps short enough for tests: one fork, 1 × 100 ms warm-up, 1 × 200 ms measurement. */
final class TestSweeps {

    static final JmhSettings TINY = new JmhSettings(Optional.of(1), Optional.of(1), Optional.of(TimeValue.milliseconds(100)),
            Optional.of(1), Optional.of(TimeValue.milliseconds(200)), List.of(Mode.SampleTime), TimeUnit.MILLISECONDS);

    static final SweepSelection ALL_DEPLOY_B1 = new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY), List.of(1),
            List.of(Provider.CPU), List.of(1), List.of(OptimizationLevel.ALL));

    private TestSweeps() {
    }

    static SweepRequest request(List<Path> models, SweepSelection selection, Shard shard, Path output, String run, boolean resume) {
        System.setProperty("jmh.ignoreLock", "true");
        return new SweepRequest(models, selection, TINY, shard, output, Optional.of(run), resume, List.of(), false, false);
    }

    /** Runs a sweep; console output is kept out of the test log. */
    static SweepReport run(SweepRequest request) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return new SweepRunner(console, console, Progress.Factory.NONE).run(request);
    }
}
