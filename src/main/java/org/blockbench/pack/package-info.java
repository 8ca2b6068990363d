/**
 * A user's own block as a block pack (docs/own-block.md): {@link BlockPackReader} reads and
 * validates the directory (block.json, one stage graph per position, optional deploy graphs)
 * before anything is written; {@link BlockPack} is a {@link org.blockbench.zoo.StageBlock} the
 * scaffold splices at its position through {@link StageSplicer}; {@link BatchNormFolding} gives
 * the deploy form of a stage that brings none, with the zoo's folding arithmetic.
 */
package org.blockbench.pack;
