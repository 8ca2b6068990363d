/**
 * The GWO grammar (Path, Shape, Weight) and score (docs/protocol.md §GWO): the primitive dictionary v0.1
 * with its costs ({@link org.blockbench.gwo.GwoPrimitive}), the annotation each block declares
 * ({@link org.blockbench.gwo.GwoAnnotation}), from which descriptive complexity C_D follows,
 * the network's complexity terms ({@link org.blockbench.gwo.GwoComplexity}: C_D and the
 * dynamic parameters, C_P in millions), the score Score = 100·acc% / (1 + C_D + α·C_P)
 * ({@link org.blockbench.gwo.GwoScore}) and its tier ({@link org.blockbench.gwo.GwoTier}).
 * User ONNX models declare their primitives and dynamic scopes in a
 * {@link org.blockbench.gwo.GwoSidecar} file next to the model, resolved by
 * {@link org.blockbench.gwo.UserModelGwo}.
 */
package org.blockbench.gwo;
