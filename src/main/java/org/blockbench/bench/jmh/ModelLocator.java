package org.blockbench.bench.jmh;

import org.blockbench.zoo.Form;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.model.ModelRef;
import org.blockbench.onnx.OnnxModelFile;

/**
 * Turns a JMH {@code model} parameter into a file, the same way in the sweep process and in
 * JMH's forked JVMs: the value is parsed as a {@link ModelRef}; a user's file is itself, a zoo or
 * block pack's model is looked up in the manifest of the models directory, which is the
 * system property {@value #MODELS_DIR_PROPERTY} (default {@value #DEFAULT_MODELS_DIR}).
 */
public final class ModelLocator {

    /** System property naming the models directory (the one holding manifest.json). */
    public static final String MODELS_DIR_PROPERTY = "blockbench.models";
    /** Where {@code blockbench export} writes the zoo. */
    public static final String DEFAULT_MODELS_DIR = "onnx-models";

    private ModelLocator() {
    }

    /** The models directory this JVM was told about. */
    public static Path modelsDir() {
        return Path.of(System.getProperty(MODELS_DIR_PROPERTY, DEFAULT_MODELS_DIR));
    }

    /**
     * The file for {@code model} in {@code form}, validated ({@link OnnxModelFile#read}) before
     * any session sees it; unknown ids and missing forms fail naming the choices.
     */
    public static Path resolve(String model, Form form, Path modelsDir) {
        Path file;
        ModelRef ref = ModelRef.parse(model);
        if (ref instanceof ModelRef.UserFile user) {
            file = user.path();
        } else {
            Path manifest = modelsDir.resolve(ModelCatalog.MANIFEST);
            ModelEntry entry = ModelCatalog.open(java.util.List.of(manifest)).get(ref);
            file = entry.file(form).orElseThrow(() -> new BadInputException("model " + model + " has no " + form.id()
                    + " graph in " + manifest + "; it has " + entry.files().keySet().stream().map(Form::id).toList()));
        }
        OnnxModelFile.read(file);
        return file;
    }
}
