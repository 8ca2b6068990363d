package org.blockbench.analysis;

/**
 * Identity of the analysed model; nothing in it depends on where or when it was analysed.
 *
 * @param file      file name without directories (or a label for in-memory models)
 * @param sha256    hex SHA-256 of the file's bytes ("" for in-memory models)
 * @param fileBytes size of the file (0 for in-memory models)
 * @param graphName the graph's name
 * @param producer  producer name and version as the file states them
 * @param opset     default-domain opset
 * @param irVersion ONNX IR version
 */
public record ModelInfo(String file, String sha256, long fileBytes, String graphName, String producer, int opset,
                        long irVersion) {
}
