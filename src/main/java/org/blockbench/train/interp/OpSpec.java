package org.blockbench.train.interp;

import java.util.Set;
import org.blockbench.onnx.NodeView;

/**
 * What the interpreter knows about one ONNX operator: how to compile a node into a
 * {@link Kernel}, and which of its inputs are never trained even when they are float
 * initializers (shapes, clip bounds, exponents) or are buffers (BatchNormalization's running
 * statistics).
 *
 * @param opType       the ONNX op_type
 * @param factory      compiles a node
 * @param fixedInputs  input positions whose initializers are constants, not parameters
 * @param bufferInputs input positions whose initializers are buffers: state updated in
 *                     training mode but not by the optimiser
 * @param outputs      how many outputs the kernel produces; further declared outputs must be unused
 */
record OpSpec(String opType, KernelFactory factory, Set<Integer> fixedInputs, Set<Integer> bufferInputs, int outputs) {

    static OpSpec of(String opType, KernelFactory factory) {
        return new OpSpec(opType, factory, Set.of(), Set.of(), 1);
    }

    OpSpec fixed(Integer... positions) {
        return new OpSpec(opType, factory, Set.of(positions), bufferInputs, outputs);
    }

    OpSpec buffers(Integer... positions) {
        return new OpSpec(opType, factory, fixedInputs, Set.of(positions), outputs);
    }

    /** Outputs decided by the node itself (Split): any count. */
    OpSpec variadicOutputs() {
        return new OpSpec(opType, factory, fixedInputs, bufferInputs, Integer.MAX_VALUE);
    }

    /** Compiles one node. */
    @FunctionalInterface
    interface KernelFactory {
        Kernel create(NodeView node, CompileContext context);
    }
}
