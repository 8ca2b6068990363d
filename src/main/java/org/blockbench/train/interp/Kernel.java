package org.blockbench.train.interp;

import org.bytedeco.pytorch.Tensor;

/**
 * One compiled ONNX node: maps its input tensors (null for an omitted optional input) to its
 * output tensors with LibTorch ops, so that autograd records the computation.
 */
@FunctionalInterface
interface Kernel {

    /**
     * @param inputs   the node's inputs in ONNX order; {@code null} where an optional input is omitted
     * @param training true in training mode (BatchNormalization uses batch statistics and
     *                 updates its running statistics, Dropout drops)
     */
    Tensor[] run(Tensor[] inputs, boolean training);
}
