/**
 * The block zoo: the {@link org.blockbench.zoo.Block} contract, the single
 * {@link org.blockbench.zoo.BlockRegistry}, the fixed {@link org.blockbench.zoo.Scaffold}
 * (docs/protocol.md §Scaffold) that places a block at a {@link org.blockbench.zoo.Position}, the GWO baseline
 * network, and {@link org.blockbench.zoo.Zoo}, the one entry point that builds any zoo model
 * in train or deploy form from seeded or given (trained) parameters. Blocks live in
 * {@code zoo.block}, the layers they are made of in {@code zoo.layer}.
 */
package org.blockbench.zoo;
