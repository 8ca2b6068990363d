package org.blockbench.export;

/**
 * One written .onnx file as the manifest records it.
 *
 * @param path           relative to the manifest's directory, '/'-separated
 * @param sha256         hex digest of the file's bytes
 * @param bytes          file size
 * @param storedElements elements of all initializers (parameters and buffers)
 */
public record ModelFile(String path, String sha256, long bytes, long storedElements) {
}
