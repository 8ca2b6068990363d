package org.blockbench.zoo;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.onnx.Value;

/**
 * A block that arrives as whole scaffold stages rather than as one emitter per block: a user's
 * block pack (package {@code pack}) brings the three blocks of each position as one graph. The
 * scaffold places the stage at its position exactly where a {@link Block}'s three instances
 * would go (docs/protocol.md §Scaffold), so stem, head and the other stages are the zoo's own.
 */
public interface StageBlock {

    /** The name on the board and in paths; never one of {@link org.blockbench.zoo.build.BlockRegistry#names()}. */
    String name();

    /** One line describing the block. */
    String description();

    /** The GWO annotation of one block instance (the stage holds {@link org.blockbench.zoo.build.Scaffold#BLOCKS_PER_STAGE}). */
    GwoAnnotation gwo();

    /**
     * Emits the stage at {@code first.position()} on {@code x} ([N, first.in, H, W]) in the
     * context's form, under the stage's scope; returns [N, first.out, ceil(H/stride), ceil(W/stride)].
     */
    Value emitStage(ModelContext ctx, Value x, BlockSpec first);
}
