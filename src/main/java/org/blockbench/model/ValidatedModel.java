package org.blockbench.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Path;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.zoo.Form;

/**
 * One form of a model as read: the file, its bytes parsed and validated once
 * ({@link OnnxModelFile#parse(Path, byte[])}, every rule of {@code onnx.ModelValidator}), and the
 * SHA-256 of exactly those bytes, which resume and reuse compare.
 *
 * @param ref    which model
 * @param form   which of its forms
 * @param file   the file read
 * @param model  the validated model
 * @param sha256 hex SHA-256 of the bytes that were validated
 */
public record ValidatedModel(ModelRef ref, Form form, Path file, ModelProto model, String sha256) {

    /** Reads {@code file} once, validates it and hashes the same bytes; a bad file fails naming it. */
    public static ValidatedModel read(ModelRef ref, Form form, Path file) {
        byte[] bytes = OnnxModelFile.readBytes(file);
        ModelProto model = OnnxModelFile.parse(file, bytes);
        return new ValidatedModel(ref, form, file, model, OnnxModelFile.sha256(bytes));
    }
}
