package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.CpuSet;
import org.blockbench.regress.AbPlan;
import org.blockbench.regress.AbRequest;
import org.blockbench.regress.AbRunner;
import org.blockbench.regress.AbSide;
import org.blockbench.regress.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code blockbench ab}: baseline and candidate measured in one session, interleaved fork by fork. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Measures a baseline (A) and a candidate (B) ONNX model, or one model under two ONNX Runtime "
                + "settings, in one session: JMH forks alternate A B B A A B ..., so machine drift hits both. Then "
                + "compares B against A like 'compare' (Mann-Whitney U + threshold) and writes <out>/<name>.md/.json "
                + "and the merged JMH JSON of each side (<out>/<name>/a.json, b.json).",
                "Exit codes: 0 B not slower, 1 B slower, 2 bad input."})
public final class AbCommand implements Callable<Integer> {

    @Option(names = "--a", required = true, paramLabel = "MODEL", description = "Baseline ONNX model.")
    Path modelA;

    @Option(names = "--b", paramLabel = "MODEL", description = "Candidate ONNX model (default: the baseline model).")
    Path modelB;

    @Option(names = "--a-threads", defaultValue = "1", description = "ORT intra-op threads for A (default: ${DEFAULT-VALUE}).")
    int threadsA;

    @Option(names = "--b-threads", description = "ORT intra-op threads for B (default: as A).")
    Integer threadsB;

    @Option(names = "--a-opt", defaultValue = "all",
            description = "ORT graph optimisation for A: all, extended, basic, none (default: ${DEFAULT-VALUE}).")
    String optA;

    @Option(names = "--b-opt", description = "ORT graph optimisation for B (default: as A).")
    String optB;

    @Option(names = "--batch", defaultValue = "1", description = "Batch size of both sides (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rounds", defaultValue = "6", description = "Forks per side (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-iterations", defaultValue = "3", description = "Warm-up iterations per fork (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--warmup-ms", defaultValue = "1000", description = "Milliseconds per warm-up iteration (default: ${DEFAULT-VALUE}).")
    int warmupMillis;

    @Option(names = "--iterations", defaultValue = "10", description = "Measured iterations per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--iteration-ms", defaultValue = "1000", description = "Milliseconds per measured iteration (default: ${DEFAULT-VALUE}).")
    int iterationMillis;

    @Option(names = "--mode", defaultValue = "sample",
            description = "JMH mode: sample (per-operation latencies; their median shrugs off a busy machine), avgt, thrpt "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--cpus", paramLabel = "LIST", defaultValue = CpuSet.AUTO,
            description = "CPUs every fork is pinned to: auto (the highest-numbered CPUs, one per ORT thread), none, or a "
                    + "Linux CPU list (1, 0-3, 0,2). Pinned forks meet the same CPU placement in every run "
                    + "(docs/regress.md). Default: ${DEFAULT-VALUE}.")
    String cpus;

    @Option(names = "--name", defaultValue = "ab", description = "Report file stem (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--verdict-metric", defaultValue = "wall",
            description = "Metric whose verdict sets the exit code: wall (JMH's time per inference) or cpu (thread CPU "
                    + "time per inference, robust to a loaded machine). Both are reported (default: ${DEFAULT-VALUE}).")
    String verdictMetric;

    @Mixin
    VerdictOptions verdict;

    @Override
    public Integer call() {
        AbRequest request = request();
        System.out.println(request.describe());
        AbRunner.Result result = AbRunner.run(request, ConsoleProgress.of(false));
        result.summary().forEach(System.out::println);
        return result.regression() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private AbRequest request() {
        AbSide a = new AbSide("A", modelA, threadsA, optA, batch);
        AbSide b = new AbSide("B", modelB != null ? modelB : modelA, threadsB != null ? threadsB : threadsA,
                optB != null ? optB : optA, batch);
        AbPlan unpinned = new AbPlan(rounds, warmupIterations, warmupMillis, iterations, iterationMillis, mode);
        AbPlan plan = CpuSet.choose(cpus, Math.max(a.threads(), b.threads())).map(unpinned::pinnedTo).orElse(unpinned);
        Metric metric = switch (verdictMetric) {
            case "wall" -> Metric.PRIMARY;
            case "cpu" -> Metric.CPU_TIME;
            default -> throw BadInputException.unknown("verdict metric", verdictMetric, List.of("wall", "cpu"));
        };
        return new AbRequest(a, b, plan, verdict.policy(), metric, verdict.minCpuShare(), verdict.reports(name));
    }
}
