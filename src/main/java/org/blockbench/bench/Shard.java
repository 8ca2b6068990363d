package org.blockbench.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.blockbench.BadInputException;

/**
 * Shard {@code index} of {@code count} (0-based): the items at positions index, index+count,
 * index+2·count… of a plan's deterministic order. Every item is in exactly one shard. One
 * concept for every command that splits its work over a job array: {@code bench} (the configs
 * of its sweep), {@code train} and {@code fidelity} (their (model, seed) runs,
 * {@code cli.RunPlan}).
 */
public record Shard(int index, int count) {

    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new BadInputException("shard must be i/N with N >= 1 and 0 <= i < N, found " + index + "/" + count);
        }
    }

    /** Parses "i/N". */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new BadInputException("shard must look like i/N (e.g. 0/4), found '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("shard must look like i/N with whole numbers (e.g. 0/4), found '" + text + "'");
        }
    }

    /**
     * The shard a command was told: its {@code --shard i/N} when given ({@code option} not null),
     * else the scheduler's environment ({@link #fromEnvironment}).
     */
    public static Shard of(String option, Map<String, String> env) {
        return option != null ? parse(option) : fromEnvironment(env);
    }

    /**
     * The shard named by a batch scheduler's environment: a Slurm job array
     * (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, and SLURM_ARRAY_TASK_MIN when the array
     * does not start at 0) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with the count
     * in BLOCKBENCH_SHARD_COUNT since Kubernetes does not export it); {@link #ALL} when neither
     * is present. An array task id without its count fails rather than run the whole plan in every task.
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID") && env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            int id = number(env, "SLURM_ARRAY_TASK_ID");
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env, "SLURM_ARRAY_TASK_MIN") : 0;
            int step = env.containsKey("SLURM_ARRAY_TASK_STEP") ? number(env, "SLURM_ARRAY_TASK_STEP") : 1;
            return new Shard((id - min) / Math.max(step, 1), number(env, "SLURM_ARRAY_TASK_COUNT"));
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            // every task would otherwise run the whole plan, all of them into one output
            throw new BadInputException("SLURM_ARRAY_TASK_ID=" + env.get("SLURM_ARRAY_TASK_ID") + " is set but"
                    + " SLURM_ARRAY_TASK_COUNT is not (a Slurm older than 18.08?): pass --shard i/N");
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            if (!env.containsKey("BLOCKBENCH_SHARD_COUNT")) {
                throw new BadInputException("JOB_COMPLETION_INDEX=" + env.get("JOB_COMPLETION_INDEX")
                        + " is set but the shard count is not: set BLOCKBENCH_SHARD_COUNT to the Job's completions,"
                        + " or pass --shard i/N");
            }
            return new Shard(number(env, "JOB_COMPLETION_INDEX"), number(env, "BLOCKBENCH_SHARD_COUNT"));
        }
        return ALL;
    }

    private static int number(Map<String, String> env, String name) {
        try {
            return Integer.parseInt(env.get(name).strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("environment variable " + name + " must be a whole number, found '" + env.get(name) + "'");
        }
    }

    /** This shard's part of {@code plan}, in plan order. */
    public <T> List<T> select(List<T> plan) {
        return IntStream.range(0, plan.size()).filter(i -> i % count == index).mapToObj(plan::get).toList();
    }

    /** Whether this is the whole sweep. */
    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
