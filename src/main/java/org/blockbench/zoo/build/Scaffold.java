package org.blockbench.zoo.build;

import java.util.List;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.StageBlock;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;
import org.blockbench.zoo.layer.Linear;

/**
 * The fixed network of docs/protocol.md §Scaffold: stem Conv3×3(3→64, bias) + BN + ReLU; stages A (64, stride 1),
 * B (128, stride 2), C (256, stride 2) of 3 blocks each, only the first changing stride and
 * width; head global average pool → flatten → Linear(256 → classes). The stage at the chosen
 * position is built from the block under test, the other two from ResNet basic blocks.
 * {@link ScaffoldConfig#baseChannels()} and {@link ScaffoldConfig#blocksPerStage()} scale it as
 * BlockZoo's {@code base_channels} and {@code num_blocks} do (stem and stages base, 2·base, 4·base);
 * a {@link StageBlock} (a user's pack, fixed widths) only fits the full size.
 */
public final class Scaffold {

    static final int STEM_CHANNELS = ScaffoldConfig.FULL_BASE_CHANNELS;
    /** Blocks in each stage of the published scaffold; only the first changes stride and width. */
    public static final int BLOCKS_PER_STAGE = ScaffoldConfig.FULL_BLOCKS_PER_STAGE;
    private static final List<Stage> STAGES = stages(STEM_CHANNELS);
    private static final Block FILLER = new ResNetBasicBlock();

    private record Stage(Position position, int channels, int stride) {
    }

    private Scaffold() {
    }

    /** Stages A, B, C at widths base, 2·base, 4·base. */
    private static List<Stage> stages(int base) {
        return List.of(new Stage(Position.EARLY, base, 1), new Stage(Position.MID, 2 * base, 2),
                new Stage(Position.LATE, 4 * base, 2));
    }

    /**
     * What the first block of the stage at {@code position} is asked for when the scaffold input
     * is {@code inputSize}²: channels in and out, stride, input size. A {@link StageBlock}'s
     * stage takes this input and gives [N, out, ceil(H/stride), ceil(W/stride)].
     */
    public static BlockSpec firstBlockSpec(Position position, int inputSize) {
        int channels = STEM_CHANNELS;
        int size = inputSize;
        for (Stage stage : STAGES) {
            if (stage.position() == position) {
                return new BlockSpec(channels, stage.channels(), stage.stride(), position, size, size);
            }
            channels = stage.channels();
            size = (size + stage.stride() - 1) / stage.stride();
        }
        throw new IllegalArgumentException("no stage at " + position);
    }

    /** Emits the whole network from {@code input} [N, 3, S, S]; returns the logits. */
    static Value emit(ModelContext ctx, Value input, Block block, Position position, ScaffoldConfig config) {
        return emit(ctx, input, block, null, position, config);
    }

    /** As {@link #emit(ModelContext, Value, Block, Position, ScaffoldConfig)}, a whole stage at {@code position}. */
    static Value emit(ModelContext ctx, Value input, StageBlock stageBlock, Position position, ScaffoldConfig config) {
        return emit(ctx, input, null, stageBlock, position, config);
    }

    private static Value emit(ModelContext ctx, Value input, Block block, StageBlock stageBlock, Position position,
                              ScaffoldConfig config) {
        if (stageBlock != null && !config.isFullSize()) {
            throw new org.blockbench.BadInputException(stageBlock.name() + " is a block pack, whose stages have the full"
                    + " scaffold's fixed widths; it cannot be built at base channels " + config.baseChannels()
                    + ", " + config.blocksPerStage() + " blocks per stage (only at " + STEM_CHANNELS + ", " + BLOCKS_PER_STAGE + ")");
        }
        var g = ctx.graph();
        Value x;
        int base = config.baseChannels();
        try (var s = g.scope("stem")) {
            x = Activation.RELU.apply(g, ConvBn.of(3, base, 3).withConvBias().emit(ctx, "conv", input));
        }
        int channels = base;
        int size = config.inputSize();
        for (Stage stage : stages(base)) {
            if (stageBlock != null && stage.position() == position) {
                BlockSpec first = new BlockSpec(channels, stage.channels(), stage.stride(), position, size, size);
                try (var s = g.scope(stage.position().stage())) {
                    x = stageBlock.emitStage(ctx, x, first);
                }
                channels = stage.channels();
                size = first.outHeight();
                continue;
            }
            Block b = stage.position() == position && block != null ? block : FILLER;
            try (var s = g.scope(stage.position().stage())) {
                for (int i = 0; i < config.blocksPerStage(); i++) {
                    int stride = i == 0 ? stage.stride() : 1;
                    BlockSpec spec = new BlockSpec(channels, stage.channels(), stride, stage.position(), size, size);
                    try (var bs = g.scope(Integer.toString(i))) {
                        x = b.emit(ctx, x, spec);
                    }
                    channels = stage.channels();
                    size = b.outputSize(size, stride);
                }
            }
        }
        try (var s = g.scope("head")) {
            Value pooled = g.op(OnnxOp.FLATTEN, List.of(g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x))));
            return new Linear(channels, config.classes()).emit(ctx, "fc", pooled, Zoo.OUTPUT_NAME);
        }
    }
}
