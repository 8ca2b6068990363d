package org.blockbench.train;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.bench.Shard;

/**
 * The (model, seed) runs of a training sweep, in the order models × seeds (the same in every
 * process), and the part of them one shard trains ({@link Shard#select}). The one plan of
 * {@link TrainingSweep} ({@code train --shard}) and {@code fidelity --shard}: the shards of a plan together train exactly
 * its unsharded runs, each once, so they can share one output directory (docs/cluster.md).
 *
 * @param shard the shard this process trains
 * @param all   every run of the sweep, in plan order
 * @param mine  this shard's runs, in plan order
 * @param <M>   what names a model ({@code ModelSource}, {@code ModelId})
 */
public record RunPlan<M>(Shard shard, List<Run<M>> all, List<Run<M>> mine) {

    /** One run: a model and a seed. */
    public record Run<M>(M model, long seed) {
    }

    public RunPlan {
        all = List.copyOf(all);
        mine = List.copyOf(mine);
    }

    /** Every (model, seed) of {@code models} × {@code seeds}, and {@code shard}'s part of them. */
    public static <M> RunPlan<M> of(List<M> models, List<Long> seeds, Shard shard) {
        List<Run<M>> all = new ArrayList<>();
        for (M model : models) {
            for (long seed : seeds) {
                all.add(new Run<>(model, seed));
            }
        }
        return new RunPlan<>(shard, all, shard.select(all));
    }

    /**
     * This shard's seeds of {@code model} (the very object given to {@link #of}), in seed order;
     * empty when the model has no run in this shard.
     */
    public List<Long> seeds(M model) {
        return mine.stream().filter(r -> r.model() == model).map(Run::seed).toList();
    }

    /** "shard i/N: k of n runs". */
    public String describe() {
        return "shard " + shard + ": " + mine.size() + " of " + all.size() + " runs";
    }
}
