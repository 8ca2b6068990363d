package org.blockbench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.bench.JmhSettings;
import org.blockbench.quant.VariantOptions;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.data.DatasetName;
import org.blockbench.zoo.build.ZooSelection;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Everything one job ({@link Job}) was asked to do: the main job's defaults are
 * {@link #quick(Workspace)}, which {@code blockbench run}'s options override.
 *
 * @param workspace      where every file of the job goes
 * @param selection      the zoo's models
 * @param blockPacks     block packs exported, benchmarked, trained and shown beside the zoo (as if the selection named them)
 * @param variants       deployment variants, exported, benchmarked and made again from trained weights
 * @param jmh            the JMH options of the sweep
 * @param rounds         passes over the sweep, forks interleaved across configs
 * @param breakdown      also profile each model once, for the board's time by operator type
 * @param protocol       the training protocol (scaffold size, images, budgets)
 * @param dataset        the training task
 * @param seeds          training seeds
 * @param trainProcesses training runs at once, as shard processes (1: in this process)
 * @param trainTimeLimit how long the sharded training steps may take
 * @param resume         the sweep measures only the configs its latest run lacks
 * @param retrain        redo training runs that already finished
 * @param ignoreJmhLock  benchmark even while another JMH run holds JMH's lock
 * @param skip           stages skipped (their earlier results are used)
 */
public record JobRequest(Workspace workspace, ZooSelection selection, List<Path> blockPacks, VariantOptions variants,
                         JmhSettings jmh, int rounds, boolean breakdown, TrainingProtocol protocol, DatasetName dataset,
                         List<Long> seeds, int trainProcesses, Duration trainTimeLimit, boolean resume, boolean retrain,
                         boolean ignoreJmhLock, Set<Stage> skip) {

    /** JMH forks per config. */
    public static final String FORKS = "1";

    /** JMH warm-up iterations. */
    public static final String WARMUP_ITERATIONS = "1";

    // 3 rounds x 3 x 550 ms after 100 ms of warm-up: what limits the board's latency test is the machine's drift between
    // forks, not the samples inside one, so three forks a config resolve more per minute than two long ones (a third block
    // per position; docs/bench.md §Interleaved forks); the third iteration and the short warm-up (the 300 ms one read
    // the same as the measured ones) brought the share of wall time inside measurement to 59.7 % at 500 ms; 550 ms
    // measured 60.4 % for about 30 s more of the main job (docs/bench.md §Timing of a sweep)
    /** JMH measurement iterations. */
    public static final String ITERATIONS = "3";

    /** JMH measurement iteration time. */
    public static final String ITERATION_TIME = "550ms";

    /** JMH warm-up iteration time. */
    public static final String WARMUP_TIME = "100ms";

    // three rounds, each measuring one position's configs back to back (bench.sweep.RoundOrder): the rank test takes
    // each (position, round) as a block, so a drift of the machine between rounds is not noise (docs/report.md §Ranks)
    /** Passes over the sweep. */
    public static final String ROUNDS = "3";

    /** Training seeds. */
    public static final String SEEDS = "0,1";

    /** Minutes the sharded training steps may take. */
    public static final String TRAIN_TIME_LIMIT_MINUTES = "360";

    public JobRequest {
        blockPacks = List.copyOf(blockPacks);
        seeds = List.copyOf(seeds);
        skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
        if (trainProcesses < 1) {
            throw new BadInputException("--train-processes must be at least 1, found " + trainProcesses);
        }
    }

    /**
     * The main job on CPU in {@code workspace}: every zoo model, the quick JMH settings above, the
     * quick training protocol on its default task (docs/protocol.md §Quick protocol), two seeds,
     * training in this process, nothing skipped.
     */
    public static JobRequest quick(Workspace workspace) {
        JmhSettings q = JmhSettings.quick();
        JmhSettings jmh = new JmhSettings(Optional.of(Integer.parseInt(FORKS)), Optional.of(Integer.parseInt(WARMUP_ITERATIONS)),
                Optional.of(TimeValue.fromString(WARMUP_TIME)), Optional.of(Integer.parseInt(ITERATIONS)),
                Optional.of(TimeValue.fromString(ITERATION_TIME)), q.modes(), q.timeUnit());
        return new JobRequest(workspace, ZooSelection.all(), List.of(), VariantOptions.none(), jmh, Integer.parseInt(ROUNDS), false,
                TrainingProtocol.QUICK, DatasetName.quickDefault(), Arrays.stream(SEEDS.split(",")).map(Long::valueOf).toList(), 1,
                Duration.ofMinutes(Long.parseLong(TRAIN_TIME_LIMIT_MINUTES)), false, false, false, Set.of());
    }

    /** This job over {@code zoo}'s models. */
    public JobRequest withSelection(ZooSelection zoo) {
        return new JobRequest(workspace, zoo, blockPacks, variants, jmh, rounds, breakdown, protocol, dataset, seeds,
                trainProcesses, trainTimeLimit, resume, retrain, ignoreJmhLock, skip);
    }

    /** This job with {@code jmh}'s settings over {@code rounds} interleaved passes. */
    public JobRequest withBench(JmhSettings jmh, int rounds) {
        return new JobRequest(workspace, selection, blockPacks, variants, jmh, rounds, breakdown, protocol, dataset, seeds,
                trainProcesses, trainTimeLimit, resume, retrain, ignoreJmhLock, skip);
    }

    /** This job training under {@code protocol} on {@code dataset} with {@code seeds}. */
    public JobRequest withTraining(TrainingProtocol protocol, DatasetName dataset, List<Long> seeds) {
        return new JobRequest(workspace, selection, blockPacks, variants, jmh, rounds, breakdown, protocol, dataset, seeds,
                trainProcesses, trainTimeLimit, resume, retrain, ignoreJmhLock, skip);
    }

    /** This job without {@code stages}. */
    public JobRequest skipping(Stage... stages) {
        return new JobRequest(workspace, selection, blockPacks, variants, jmh, rounds, breakdown, protocol, dataset, seeds,
                trainProcesses, trainTimeLimit, resume, retrain, ignoreJmhLock, Set.of(stages));
    }
}
