package org.blockbench.bench.jmh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.blockbench.model.ModelRef;
import org.blockbench.zoo.Form;

/**
 * One benchmarkable model. Zoo and block-pack models come from a manifest with one file per
 * {@link Form}; a user's file has one file counted as {@link Form#DEPLOY}.
 *
 * @param ref      which model; its {@link ModelRef#text()} is the JMH {@code model} parameter value
 * @param files    the model file of each form present
 * @param origin   the directory holding the manifest, or the file itself for a user's file
 * @param exportedSha256 the SHA-256 the manifest records for each file BlockBench's exporter built
 *                 from its own blocks (zoo blocks and GWO networks; never a block pack's or a
 *                 user's file)
 */
public record ModelEntry(ModelRef ref, Map<Form, Path> files, Path origin, Map<Form, String> exportedSha256) {

    public ModelEntry {
        files = Map.copyOf(files);
        exportedSha256 = Map.copyOf(exportedSha256);
    }

    /** A user's own ONNX file, measured as given. */
    public static ModelEntry ofFile(Path file) {
        ModelRef.UserFile ref = ModelRef.file(file);
        return new ModelEntry(ref, Map.of(Form.DEPLOY, ref.path()), ref.path(), Map.of());
    }

    /** The JMH {@code model} parameter value: {@code Block/position}, or the file's absolute path. */
    public String id() {
        return ref.text();
    }

    /** The block name, or the file's name without ".onnx". */
    public String block() {
        return ref.block();
    }

    /** The scaffold position ("early", "gwo-net"), or "" for a user's file. */
    public String position() {
        return ref.position();
    }

    /** Whether this entry comes from a zoo manifest (not a user's file). */
    public boolean fromManifest() {
        return !ref.isFile();
    }

    /** The file of {@code form}, if this model has one. */
    public Optional<Path> file(Form form) {
        return Optional.ofNullable(files.get(form));
    }

    /**
     * Whether {@code form}'s file holds exactly {@code sha256}, the bytes BlockBench's exporter
     * wrote from its own blocks: such a graph needs no child-JVM pre-check.
     */
    public boolean exportedByBlockBench(Form form, String sha256) {
        return sha256.equals(exportedSha256.get(form));
    }
}
