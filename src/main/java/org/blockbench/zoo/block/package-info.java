/**
 * The block catalogue of docs/protocol.md §Blocks, one class per block, each following its paper's defaults
 * as timm builds them. {@link org.blockbench.zoo.build.BlockRegistry} is the single list of them.
 */
package org.blockbench.zoo.block;
