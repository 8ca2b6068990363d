package org.blockbench.bench.overhead;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.bench.sweep.ConfigFailure;
import org.blockbench.text.OneLine;

/**
 * The overhead stage: every planned config measured by {@link OverheadRunner}, a config's own
 * failure recorded and the rest measured, and {@code overhead.json} written before the first
 * config (so even a killed run's JMH files are known as an overhead run's) and after the last.
 */
public final class OverheadSweep {

    private final PrintStream out;
    private final PrintStream err;

    /** A sweep printing its table and report path on {@code out}, each config's progress and failure on {@code err}. */
    public OverheadSweep(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The measured configs and the failed ones, and the report written.
     *
     * @param report     the overhead.json written
     * @param done       the configs measured
     * @param failures   "key: reason" of each config that failed
     */
    public record Result(Path report, List<OverheadMeasurement> done, List<String> failures) {

        public Result {
            done = List.copyOf(done);
            failures = List.copyOf(failures);
        }
    }

    /** Measures {@code request}'s configs. */
    public Result run(OverheadRequest request) {
        Path dir = request.output().resolve(request.run());
        List<PlannedConfig> plan = request.selection().plan(ModelCatalog.open(request.modelSources()));
        OverheadRunner runner = new OverheadRunner(request.jmh(), request.jvmArgs(), request.top(), request.keepProfiles(), null);
        // written first, so that even a killed run's JMH files are known for an overhead run's (JmhReader skips them)
        writeReport(request, dir, List.of(), List.of());
        List<OverheadMeasurement> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PlannedConfig planned : plan) {
            err.println("overhead: " + planned.config().key());
            try {
                done.add(runner.measure(planned, dir));
            } catch (RuntimeException e) {
                if (!ConfigFailure.ownedByConfig(e)) {
                    throw e;
                }
                String line = planned.config().key() + ": " + OneLine.firstLine(e.getMessage());
                failures.add(line);
                err.println("FAILED " + OneLine.of(line));
            }
        }
        Path report = writeReport(request, dir, done, failures);
        out.print(OverheadTable.render(done));
        if (request.breakdown()) {
            done.forEach(m -> out.print(System.lineSeparator() + OverheadTable.breakdown(m)));
        }
        failures.forEach(f -> out.println("FAILED " + f));
        out.println("report: " + report);
        return new Result(report, done, failures);
    }

    private static Path writeReport(OverheadRequest request, Path dir, List<OverheadMeasurement> done, List<String> failures) {
        return new OverheadReport(RunEnvironment.capture(), request.jmh().describe(), done, failures).write(dir);
    }
}
