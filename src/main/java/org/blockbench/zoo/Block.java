package org.blockbench.zoo;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.onnx.Value;

/**
 * A building block under test. It takes (in_channels, out_channels, stride) from the
 * scaffold, emits itself into the graph in the context's form, and declares its GWO
 * description.
 */
public interface Block {

    /** The registry name, e.g. {@code ResNetBasicBlock}. */
    String name();

    /** One line: the block's defaults as built here. */
    String description();

    /** The block's operations and dynamic sub-networks in the GWO grammar. */
    GwoAnnotation gwo();

    /** True when train and deploy forms differ by more than BN folding (branches merge). */
    default boolean reparameterised() {
        return false;
    }

    /** Output height (or width) for an input of {@code inSize} at {@code stride}: ceil(in/stride) by default. */
    default int outputSize(int inSize, int stride) {
        return (inSize + stride - 1) / stride;
    }

    /** Emits the block on {@code x} (shape [N, in, H, W]) and returns its output [N, out, H', W']. */
    Value emit(ModelContext ctx, Value x, BlockSpec spec);
}
