/**
 * An ONNX → LibTorch interpreter: {@link org.blockbench.train.interp.TorchGraph} compiles a
 * graph's nodes to torch ops (Bytedeco PyTorch presets), so that autograd trains its
 * initializers; {@link org.blockbench.train.interp.ParameterStore} owns the trainable
 * parameters and the buffers. The op table lives in the package-private {@code *Ops} classes;
 * {@link org.blockbench.train.interp.TorchGraph#supportedOps()} lists it.
 */
package org.blockbench.train.interp;
