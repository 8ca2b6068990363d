/**
 * Whole zoo models, on top of the blocks and layers: the single
 * {@link org.blockbench.zoo.build.BlockRegistry} (the zoo's blocks, then {@code Block} services on
 * the class path), the fixed {@link org.blockbench.zoo.build.Scaffold} (docs/protocol.md §Scaffold)
 * that places a block at a position, the GWO baseline networks
 * ({@link org.blockbench.zoo.build.GwoNetwork}, docs/protocol.md §GWO), and
 * {@link org.blockbench.zoo.build.Zoo}, the one entry point that builds any zoo model in train or
 * deploy form from seeded or given (trained) parameters.
 */
package org.blockbench.zoo.build;
