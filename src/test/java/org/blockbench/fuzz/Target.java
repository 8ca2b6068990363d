package org.blockbench.fuzz;

/**
 * What a fuzz case feeds its mutated input to. Each target is one entry point of the product,
 * called in-process the way the CLI calls it.
 */
public enum Target {
    /** {@code blockbench analyze --json MODEL} (every other case adds {@code --data}: ONNX Runtime runs it). */
    ANALYZE("analyze", true),
    /** The check {@code bench} makes before JMH forks: {@code bench.sweep.Preflight.check}. */
    PREFLIGHT("bench-preflight", true),
    /** What {@code train --onnx FILE} does before its first epoch: read the file and compile the graph for LibTorch. */
    TRAIN_LOAD("train-load", true),
    /** {@code blockbench compare BASE NEW} with a mutated NEW. */
    COMPARE("compare", false),
    /** {@code blockbench leaderboard} over a result tree whose JMH JSON is mutated. */
    LEADERBOARD("leaderboard", false);

    private final String label;
    private final boolean modelInput;

    Target(String label, boolean modelInput) {
        this.label = label;
        this.modelInput = modelInput;
    }

    /** The name used in case ids, reports and {@code --targets}. */
    public String label() {
        return label;
    }

    /** Whether the mutated input is an ONNX model (else a JMH JSON file). */
    public boolean modelInput() {
        return modelInput;
    }

    /** The target labelled {@code label}. */
    public static Target byLabel(String label) {
        for (Target t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + label + "', expected one of "
                + java.util.Arrays.stream(values()).map(Target::label).toList());
    }
}
