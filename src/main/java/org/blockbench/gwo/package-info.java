/**
 * The GWO grammar (Path, Shape, Weight): the primitive dictionary v0.1 with its costs, and
 * the annotation each block declares, from which descriptive complexity C_D follows.
 */
package org.blockbench.gwo;
