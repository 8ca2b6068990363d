package org.blockbench.zoo;

/**
 * What, besides the block and position, decides a zoo model: number of classes, input size
 * (square, 3 channels), the parameter seed, how unseeded parameters are initialised, and
 * BlockZoo's two size knobs (docs/protocol.md §Scaffold): {@code baseChannels} (the stem and
 * stage widths are base, 2·base, 4·base; 64 in the published protocol) and
 * {@code blocksPerStage} (3 in the published protocol). The full scaffold is the default of
 * export and bench; the quick protocol of {@code blockbench run} trains a reduced one
 * (docs/protocol.md §Quick protocol).
 */
public record ScaffoldConfig(int classes, int inputSize, long seed, InitMode init, int baseChannels, int blocksPerStage) {

    public static final int DEFAULT_CLASSES = 10;
    public static final int DEFAULT_INPUT_SIZE = 32;
    /** The published scaffold's stem and stage-A width. */
    public static final int FULL_BASE_CHANNELS = 64;
    /** The published scaffold's blocks per stage. */
    public static final int FULL_BLOCKS_PER_STAGE = 3;

    public ScaffoldConfig {
        if (classes < 2) {
            throw new org.blockbench.BadInputException("classes must be at least 2, found " + classes);
        }
        if (inputSize < 8) {
            throw new org.blockbench.BadInputException("input size must be at least 8 (three stride-2 steps), found " + inputSize);
        }
        // a multiple of 4 keeps every block's width arithmetic (bottleneck out/4, SE rounding) whole
        if (baseChannels < 4 || baseChannels % 4 != 0 || baseChannels > FULL_BASE_CHANNELS * 4) {
            throw new org.blockbench.BadInputException("base channels must be a multiple of 4 in [4, "
                    + FULL_BASE_CHANNELS * 4 + "], found " + baseChannels);
        }
        if (blocksPerStage < 1 || blocksPerStage > 8) {
            throw new org.blockbench.BadInputException("blocks per stage must be in [1, 8], found " + blocksPerStage);
        }
    }

    /** The published (full) scaffold's size. */
    public ScaffoldConfig(int classes, int inputSize, long seed, InitMode init) {
        this(classes, inputSize, seed, init, FULL_BASE_CHANNELS, FULL_BLOCKS_PER_STAGE);
    }

    public static ScaffoldConfig defaults() {
        return new ScaffoldConfig(DEFAULT_CLASSES, DEFAULT_INPUT_SIZE, 0L, InitMode.PYTORCH);
    }

    /** Whether this is the published scaffold's size (base 64, 3 blocks per stage). */
    public boolean isFullSize() {
        return baseChannels == FULL_BASE_CHANNELS && blocksPerStage == FULL_BLOCKS_PER_STAGE;
    }

    public ScaffoldConfig withSeed(long s) {
        return new ScaffoldConfig(classes, inputSize, s, init, baseChannels, blocksPerStage);
    }

    public ScaffoldConfig withInit(InitMode m) {
        return new ScaffoldConfig(classes, inputSize, seed, m, baseChannels, blocksPerStage);
    }

    /** The same model settings at another size. */
    public ScaffoldConfig withSize(int base, int blocks) {
        return new ScaffoldConfig(classes, inputSize, seed, init, base, blocks);
    }
}
