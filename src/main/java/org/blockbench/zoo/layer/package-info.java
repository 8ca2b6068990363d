/**
 * Layers the blocks are made of. Each layer emits itself in train form (BatchNormalization
 * nodes, every branch) or deploy form (BN folded, branches merged through
 * {@link org.blockbench.zoo.layer.ConvKernel}), from the same parameter values.
 */
package org.blockbench.zoo.layer;
