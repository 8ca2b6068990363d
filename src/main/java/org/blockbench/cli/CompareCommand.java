package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.regress.CompareJob;
import org.blockbench.regress.CompareRequest;
import org.blockbench.regress.History;
import org.blockbench.regress.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blockbench compare BASE NEW} or {@code blockbench compare --history DIR NEW}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares JMH results benchmark by benchmark and decides slower / faster / unchanged / "
                + "inconclusive (two-sided Mann-Whitney U test and an effect threshold). BASE and NEW are JMH JSON "
                + "files (-rf json) or directories of them. With --history DIR, NEW is compared against the last K "
                + "runs kept in DIR, then appended to it, and a trend plot per benchmark is drawn.",
                "Exit codes: 0 nothing slower, 1 at least one benchmark slower, 2 bad input, 3 cannot write."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "PATH", description = "BASE NEW, or NEW alone with --history.")
    List<Path> paths;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Keep runs in DIR and compare NEW against the pooled last --window runs.")
    Path history;

    @Option(names = "--window", defaultValue = "" + History.DEFAULT_WINDOW,
            description = "With --history: how many past runs form the baseline (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--allow-missing", description = "Exit 0 even when a benchmark of the baseline is missing from NEW"
            + " (by default a vanished benchmark, such as a config that failed, is exit code 1).")
    boolean allowMissing;

    @Option(names = "--no-append", description = "With --history: compare only, do not store NEW.")
    boolean noAppend;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "With --history: directory for the trend plots (default: <out>/trends).")
    Path plots;

    @Option(names = "--pair",
            description = "BASE and NEW each hold one benchmark: compare them even though their names or params differ "
                    + "(e.g. the a.json and b.json of an A/B session, re-judged with other options).")
    boolean pair;

    @Option(names = "--name", defaultValue = "compare",
            description = "Report file stem: <out>/<name>.md and .json (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    MetricOption metric;

    @Mixin
    VerdictOptions verdict;

    /** Every JMH file this invocation reads, each read once. */
    RunFiles files = new RunFiles();

    @Override
    public Integer call() {
        CompareJob.Outcome outcome = CompareJob.run(request(), files);
        if (outcome instanceof CompareJob.NoBaseline none) {
            System.out.println(none.message());
            return ExitCodes.OK;
        }
        CompareJob.Compared compared = (CompareJob.Compared) outcome;
        compared.summary().forEach(System.out::println);
        int code = compared.regression() ? ExitCodes.FINDINGS : ExitCodes.OK;
        if (compared.missing() && !allowMissing) {
            // a config that crashed tonight is missing from NEW, and must not pass CI as "no regression"
            System.err.println("blockbench: " + compared.report().removed().size() + " benchmark(s) of the baseline are missing from"
                    + " the new run (a failed config?), listed as removed above; --allow-missing accepts that");
            code = ExitCodes.FINDINGS;
        }
        return code;
    }

    private CompareRequest request() {
        Path base = null;
        if (history == null) {
            if (paths.size() != 2) {
                throw new BadInputException("compare takes BASE NEW (two paths), or --history DIR NEW; found " + paths.size() + " path");
            }
            base = paths.get(0);
        } else if (paths.size() != 1) {
            throw new BadInputException("with --history DIR, compare takes NEW only (one path); found " + paths.size() + " paths");
        }
        return new CompareRequest(base, paths.get(paths.size() - 1), history, window, !noAppend, plots, pair,
                metric.metric(), verdict.policy(), verdict.minCpuShare(), verdict.reports(name));
    }
}
