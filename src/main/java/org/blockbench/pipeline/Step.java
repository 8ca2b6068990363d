package org.blockbench.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.bench.overhead.OverheadRequest;
import org.blockbench.bench.sweep.SweepRequest;
import org.blockbench.export.ExportRequest;
import org.blockbench.report.LeaderboardRequest;

/** One step of a job: a stage's typed request, and the name it is reported under. */
public sealed interface Step {

    /** The step's name in the job's report: its stage's, unless the step says otherwise. */
    default String name() {
        return stage().orElseThrow().id();
    }

    /** The stage that {@code --skip} names to skip it; none for overhead's breakdown, never skipped. */
    Optional<Stage> stage();

    /** Export the selected models and packs. */
    record Export(ExportRequest request) implements Step {
        @Override
        public Optional<Stage> stage() {
            return Optional.of(Stage.EXPORT);
        }
    }

    /** Analyse every model of the manifest; writes analysis.json beside it. */
    record Analyze(Path manifest) implements Step {
        @Override
        public Optional<Stage> stage() {
            return Optional.of(Stage.ANALYZE);
        }
    }

    /** The JMH latency sweep; {@code ignoreJmhLock} runs it even while another JMH run holds the lock. */
    record Bench(SweepRequest request, boolean ignoreJmhLock) implements Step {
        @Override
        public Optional<Stage> stage() {
            return Optional.of(Stage.BENCH);
        }
    }

    /** The short profiled run that gives the board each model's time by operator type. */
    record Overhead(OverheadRequest request) implements Step {
        @Override
        public String name() {
            return "overhead";
        }

        @Override
        public Optional<Stage> stage() {
            return Optional.empty();
        }
    }

    /** Training, {@code name} "train" (scaffold models) or "train-gwo" (GWO networks), in {@code processes} processes. */
    record Train(String name, TrainingStep step, int processes) implements Step {
        @Override
        public Optional<Stage> stage() {
            return Optional.of(Stage.TRAIN);
        }
    }

    /** The leaderboard. */
    record Leaderboard(LeaderboardRequest request) implements Step {
        @Override
        public Optional<Stage> stage() {
            return Optional.of(Stage.LEADERBOARD);
        }
    }
}
