package org.blockbench.analysis;

/**
 * The convention behind each reported number, in the words written beside it in every
 * result. Changing one of these is changing what the numbers mean.
 */
public final class Conventions {

    private Conventions() {
    }

    public static final String PARAMS = "elements of the distinct initializer tensors the nodes read, each tensor"
            + " counted once (also when several nodes read it or an Identity aliases it); BatchNormalization inputs"
            + " 3 and 4 (running mean/var) are buffers, not parameters; initializers read only as shapes, axes,"
            + " indices, pads, scales, clip bounds or exponents are constants, not parameters; per_use_elements"
            + " counts a tensor once per node input that reads it; bytes = elements x element size as stored";

    /** Which MACs are integer (docs/protocol.md §Integer MACs). */
    public static final String INTEGER_MACS = "MACs of QLinearConv, ConvInteger, QLinearMatMul, MatMulInteger, and of "
            + "Conv, Gemm and MatMul whose data and weight inputs both come from DequantizeLinear (QDQ format: ONNX "
            + "Runtime runs them as integer kernels); 0 for float models";
    public static final String MACS = "multiply-accumulates of Conv, ConvTranspose, Gemm, MatMul and Einsum only"
            + " (torchvision / fvcore convention): Conv = N*Cout*prod(out spatial)*(Cin/group)*prod(kernel);"
            + " ConvTranspose = N*Cin*prod(in spatial)*(Cout/group)*prod(kernel); Gemm = M*K*N;"
            + " MatMul = prod(batch)*M*K*N; Einsum (two operands) = product of all index extents;"
            + " bias adds, normalisation, activations and pooling are not MACs";

    public static final String FLOPS = "two_x_macs = 2 * macs (the usual 'FLOPs' of papers quoting MACs);"
            + " all_operator counts every operator per element: matrix products 2*MACs - outputs (separate"
            + " multiplies and adds, so Linear = (2*in-1)*out) plus 1 per output for a bias, Relu 1, Clip 2,"
            + " Sigmoid 4, Tanh 5, Erf 5, HardSigmoid 4, HardSwish 5, Gelu 9, elementwise arithmetic 1 per output,"
            + " BatchNormalization 2, LayerNormalization 5 + 1 (scale) + 1 (bias), Softmax 3, MaxPool 1 per"
            + " output, AveragePool (kernel+1) per output, GlobalAveragePool (H*W+1) per output, ReduceMean"
            + " in + out, Resize/GridSample linear 2*2^d-1 per output (nearest 0), data movement"
            + " (Reshape, Transpose, Concat, Slice, Gather, Pad, Cast, Shape, ...) 0; see docs/analysis.md";

    /**
     * The "FLOPs" of papers that quote MACs: 2 × MACs, one multiply and one add per MAC; the one
     * place this factor is spelt. Overflow is an {@link ArithmeticException}, never a wrapped count.
     */
    public static long flopsTwoTimesMacs(long macs) {
        return Math.multiplyExact(2L, macs);
    }

    public static final String MEMORY = "parameter_bytes and buffer_bytes as stored; per-node output bytes ="
            + " elements x element size of each node output; peak_live_activation_bytes: walk the nodes in file"
            + " order (topological), every non-constant node output is a fresh buffer allocated when its node"
            + " runs and freed after its last consumer, graph inputs are live from the start, graph outputs to"
            + " the end, no in-place reuse; values known before the graph runs (initializers, Constant nodes,"
            + " folded shape computations) are not activations";

    public static final String NEUROBENCH = "footprint_bytes = bytes of parameters + buffers (NeuroBench"
            + " footprint); connection_sparsity = zero weights / all weights over the distinct stored weight"
            + " tensors of Conv, ConvTranspose (input 1), Gemm and MatMul and Einsum (stored operands); biases"
            + " excluded (NeuroBench connection sparsity)";

    public static final String DATA = "from ONNX Runtime runs with every intermediate value exposed: activation"
            + " sparsity = zero outputs / all outputs of activation operators (Relu, Clip, LeakyRelu, HardSwish,"
            + " HardSigmoid, Sigmoid, Tanh, Gelu, Erf-form GELU); effective MACs = multiply-accumulates whose"
            + " weight and input are both non-zero (NeuroBench synaptic operations for a non-spiking net),"
            + " against the dense MACs of the same layers; zero padding counts as a zero input";
}
