package org.blockbench.zoo;

/**
 * What, besides the block and position, decides a zoo model: number of classes, input size
 * (square, 3 channels), the parameter seed and how unseeded parameters are initialised.
 */
public record ScaffoldConfig(int classes, int inputSize, long seed, InitMode init) {

    public static final int DEFAULT_CLASSES = 10;
    public static final int DEFAULT_INPUT_SIZE = 32;

    public ScaffoldConfig {
        if (classes < 2) {
            throw new org.blockbench.BadInputException("classes must be at least 2, found " + classes);
        }
        if (inputSize < 8) {
            throw new org.blockbench.BadInputException("input size must be at least 8 (three stride-2 steps), found " + inputSize);
        }
    }

    public static ScaffoldConfig defaults() {
        return new ScaffoldConfig(DEFAULT_CLASSES, DEFAULT_INPUT_SIZE, 0L, InitMode.PYTORCH);
    }

    public ScaffoldConfig withClasses(int c) {
        return new ScaffoldConfig(c, inputSize, seed, init);
    }

    public ScaffoldConfig withSeed(long s) {
        return new ScaffoldConfig(classes, inputSize, s, init);
    }

    public ScaffoldConfig withInit(InitMode m) {
        return new ScaffoldConfig(classes, inputSize, seed, m);
    }
}
