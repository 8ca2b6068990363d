/**
 * An ONNX → LibTorch interpreter: {@link org.blockbench.train.interp.TorchGraph} compiles a
 * graph's nodes to torch ops (Bytedeco PyTorch presets), so that autograd trains its
 * initializers; {@link org.blockbench.train.interp.ParameterStore} owns the trainable
 * parameters and the buffers. The op table lives in the package-private {@code *Ops} classes;
 * {@link org.blockbench.train.interp.TorchGraph#supportedOps()} lists it. Stored tensors are
 * decoded by {@code onnx.TensorProtos}; {@link org.blockbench.train.interp.TorchTensors} only
 * copies them into LibTorch. The LibTorch runtime itself is here too, below the trainer:
 * {@link org.blockbench.train.interp.TorchRuntime} (native cache, thread pools, the kernels it
 * runs) and {@link org.blockbench.train.interp.TrainingDevice} (cpu or cuda). Nothing here
 * imports {@code train}.
 */
package org.blockbench.train.interp;
