package org.blockbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.overhead.OverheadRequest;
import org.blockbench.bench.sweep.SweepRequest;
import org.blockbench.export.ExportRequest;
import org.blockbench.pipeline.Step;
import org.blockbench.pipeline.TrainingStep;
import org.blockbench.quant.VariantOptions;
import org.blockbench.report.LeaderboardRequest;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.build.ZooSelection;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A job's step as the {@code blockbench} command that does the same by hand: what {@code run}
 * prints before each step, and, for a training step, the command line of its shard processes
 * (the one place typed requests become arguments: a child process is reached only through its
 * command line). Options a step leaves at their defaults are not written.
 */
final class StepCommands {

    private StepCommands() {
    }

    /** The subcommand and its arguments that do {@code step}. */
    static List<String> arguments(Step step) {
        if (step instanceof Step.Export s) {
            return export(s.request());
        }
        if (step instanceof Step.Analyze s) {
            return List.of("analyze", "--manifest", s.manifest().toString());
        }
        if (step instanceof Step.Bench s) {
            return bench(s.request(), s.ignoreJmhLock());
        }
        if (step instanceof Step.Overhead s) {
            return overhead(s.request());
        }
        if (step instanceof Step.Train s) {
            return train(s.step());
        }
        return leaderboard(((Step.Leaderboard) step).request());
    }

    /** {@code train} with {@code step}'s models, budget, task, seeds and output, quiet. */
    static List<String> train(TrainingStep step) {
        List<String> a = new ArrayList<>(List.of("train", "--models", String.join(",", step.models().stream()
                .map(ModelId::toString).toList()), "--recipe", step.budget().recipe(), "--base-channels",
                Integer.toString(step.protocol().baseChannels()), "--blocks-per-stage", Integer.toString(step.protocol().blocksPerStage()),
                "--epochs", Integer.toString(step.budget().epochs()), "--batch", Integer.toString(step.budget().batchSize()),
                "--lr", Double.toString(step.budget().learningRate()), "--schedule", step.budget().schedule().kind().id()));
        step.blockPacks().forEach(p -> a.addAll(List.of("--block-pack", p.toString())));
        a.addAll(List.of("--manifest", step.manifest().toString(), "--dataset", step.dataset().id(),
                "--train-size", Integer.toString(step.protocol().trainSize()), "--val-size", Integer.toString(step.protocol().valSize()),
                "--seeds", String.join(",", step.seeds().stream().map(String::valueOf).toList()), "-o", step.out().toString(), "-q"));
        if (step.force()) {
            a.add("--force");
        }
        a.addAll(variants(step.variants()));
        return a;
    }

    private static List<String> export(ExportRequest r) {
        List<String> a = new ArrayList<>(List.of("export", "-q", "-o", r.out().toString()));
        a.addAll(selection(r.selection()));
        r.blockPacks().forEach(p -> a.addAll(List.of("--block-pack", p.toString())));
        a.addAll(variants(r.variants()));
        return a;
    }

    private static List<String> bench(SweepRequest r, boolean ignoreJmhLock) {
        List<String> a = new ArrayList<>(List.of("bench", "--model-dir", r.modelSources().get(0).toString(), "--all", "-o",
                r.output().toString()));
        a.addAll(jmh(r.jmh()));
        a.addAll(List.of("--rounds", Integer.toString(r.rounds())));
        if (!r.selection().forms().equals(List.of(Form.DEPLOY))) {
            a.addAll(List.of("--forms", String.join(",", r.selection().forms().stream().map(Form::id).toList())));
        }
        if (r.resume()) {
            a.add("--resume");
        }
        if (ignoreJmhLock) {
            a.add("--ignore-jmh-lock");
        }
        return a;
    }

    private static List<String> overhead(OverheadRequest r) {
        List<String> a = new ArrayList<>(List.of("overhead", "--model-dir", r.modelSources().get(0).toString(), "--all", "-o",
                r.output().toString(), "--run", r.run()));
        if (r.breakdown()) {
            a.add("--breakdown");
        }
        a.addAll(jmh(r.jmh()));
        return a;
    }

    private static List<String> leaderboard(LeaderboardRequest r) {
        List<String> a = new ArrayList<>(List.of("leaderboard", "--model-dir", r.manifest().getParent().toString(),
                "--jmh-results", r.jmhResults().toString(), "--training", r.training().toString(), "-o", r.out().toString()));
        a.addAll(selection(r.selection()));
        return a;
    }

    /** -f, -wi, -w, -i, -r as given (a JMH default left out). */
    private static List<String> jmh(JmhSettings s) {
        List<String> a = new ArrayList<>();
        s.forks().ifPresent(v -> a.addAll(List.of("-f", Integer.toString(v))));
        s.warmupIterations().ifPresent(v -> a.addAll(List.of("-wi", Integer.toString(v))));
        s.warmupTime().ifPresent(v -> a.addAll(List.of("-w", time(v))));
        s.measurementIterations().ifPresent(v -> a.addAll(List.of("-i", Integer.toString(v))));
        s.measurementTime().ifPresent(v -> a.addAll(List.of("-r", time(v))));
        return a;
    }

    /** "550ms", as {@code -r} takes it. */
    private static String time(TimeValue v) {
        TimeUnit unit = v.getTimeUnit();
        String suffix = switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "min";
            case HOURS -> "hr";
            case DAYS -> "d";
        };
        return v.getTime() + suffix;
    }

    private static List<String> selection(ZooSelection s) {
        List<String> a = new ArrayList<>();
        if (s.blocks() != null) {
            a.addAll(List.of("--blocks", String.join(",", s.blocks())));
        }
        if (s.positions() != null) {
            a.addAll(List.of("--positions", String.join(",", s.positions())));
        }
        if (s.gwoNetwork() != null) {
            a.add(s.gwoNetwork() ? "--gwo-network" : "--no-gwo-network");
        }
        return a;
    }

    private static List<String> variants(VariantOptions v) {
        if (v.variants().isEmpty()) {
            return List.of();
        }
        return List.of("--variants", String.join(",", v.ordered().stream().map(Form::id).toList()), "--calibration-method",
                v.quant().method().id(), "--calibration-percentile", Double.toString(v.quant().percentile()),
                "--calibration-images", Integer.toString(v.calibrationImages()), "--calibration-batch",
                Integer.toString(v.calibrationBatch()), "--calibration-seed", Long.toString(v.calibrationSeed()));
    }
}
