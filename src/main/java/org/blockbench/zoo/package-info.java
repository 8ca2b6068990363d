/**
 * The block zoo's vocabulary, below the blocks and layers that use it: the
 * {@link org.blockbench.zoo.Block} contract and its {@link org.blockbench.zoo.BlockSpec}, the
 * {@link org.blockbench.zoo.Position} a block is placed at (docs/protocol.md §Scaffold), the
 * {@link org.blockbench.zoo.ModelContext} a block emits itself into, where parameter values come
 * from ({@link org.blockbench.zoo.ParameterSource}), a model's {@link org.blockbench.zoo.Form},
 * {@link org.blockbench.zoo.ModelId} and {@link org.blockbench.zoo.ScaffoldConfig}, and a whole
 * stage from outside the registry ({@link org.blockbench.zoo.StageBlock}).
 *
 * <p>The layers live in {@code zoo.layer}, the blocks made of them in {@code zoo.block}, and
 * what builds whole models from them in {@code zoo.build}: the registry, the scaffold, the GWO
 * networks and {@link org.blockbench.zoo.build.Zoo}, the one entry point. Each imports only the
 * packages before it in that order.
 */
package org.blockbench.zoo;
