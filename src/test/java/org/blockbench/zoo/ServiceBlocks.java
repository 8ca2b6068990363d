package org.blockbench.zoo;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;

/** Test fixtures: blocks that users would put on the class path as {@link Block} services. */
public final class ServiceBlocks {

    private ServiceBlocks() {
    }

    /** A user's block: one 3×3 conv + BN + ReLU, the example of docs/own-block.md §Java. */
    public static final class TinyConvBlock implements Block {
        @Override
        public String name() {
            return "TinyConvBlock";
        }

        @Override
        public String description() {
            return "3x3 conv + BN + ReLU";
        }

        @Override
        public GwoAnnotation gwo() {
            return GwoAnnotation.of(GwoOperation.slidingConv("conv"));
        }

        @Override
        public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
            Value y = ConvBn.of(spec.inChannels(), spec.outChannels(), 3).stride(spec.stride()).emit(ctx, "conv", x);
            return Activation.RELU.apply(ctx.graph(), y);
        }
    }

    /** A user's block whose name is the zoo's. */
    public static final class ImpostorBlock implements Block {
        @Override
        public String name() {
            return "resnetBasicBlock";
        }

        @Override
        public String description() {
            return "not the zoo's";
        }

        @Override
        public GwoAnnotation gwo() {
            return GwoAnnotation.of(GwoOperation.pointwise("x"));
        }

        @Override
        public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
            return x;
        }
    }
}
