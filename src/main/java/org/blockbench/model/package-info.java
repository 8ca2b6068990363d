/**
 * The one model reference: {@link org.blockbench.model.ModelRef}, a zoo model, a block pack's
 * model or a user's ONNX file, parsed from text in one place ({@link org.blockbench.model.ModelRef#parse})
 * with one label and one file-name-safe key; {@link org.blockbench.model.ValidatedModel} adds a
 * form's file, read and validated once, with the SHA-256 of those bytes. JMH's {@code model}
 * parameter, bench config keys, training run directories, {@code run.json}, the leaderboard's
 * rows and a user's GWO sidecar all name models through it.
 */
package org.blockbench.model;
