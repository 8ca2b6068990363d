/**
 * Training recipes: the published {@code blockzoo} and {@code gwo} recipes
 * ({@link org.blockbench.train.recipe.Recipes}) as immutable values with overrides, and
 * PyTorch's ReduceLROnPlateau ({@link org.blockbench.train.recipe.PlateauScheduler}).
 */
package org.blockbench.train.recipe;
