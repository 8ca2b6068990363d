package org.blockbench.bench;

import org.blockbench.zoo.Form;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmarkable model. Zoo models have the id {@code Block/position} and one file per
 * {@link Form}; a user's file has its absolute path as id, no block or position, and one
 * file counted as {@link Form#DEPLOY}.
 *
 * @param id       the JMH {@code model} parameter value
 * @param block    the block name, or the file name without ".onnx" for a user's file
 * @param position the scaffold position ("early", "gwo-net"), or "" for a user's file
 * @param files    the model file of each form present
 * @param origin   the directory holding the manifest, or the file itself for a user's file
 * @param exportedSha256 the SHA-256 the manifest records for each file BlockBench's exporter built
 *                 from its own blocks (zoo blocks and GWO networks; never a block pack's or a
 *                 user's file)
 */
public record ModelEntry(String id, String block, String position, Map<Form, Path> files, Path origin,
                         Map<Form, String> exportedSha256) {

    public ModelEntry {
        files = Map.copyOf(files);
        exportedSha256 = Map.copyOf(exportedSha256);
    }

    /** A user's own ONNX file, measured as given. */
    public static ModelEntry ofFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        return new ModelEntry(absolute.toString(), stem, "", Map.of(Form.DEPLOY, absolute), absolute, Map.of());
    }

    /** Whether this entry comes from a zoo manifest (it has a position). */
    public boolean fromManifest() {
        return !position.isEmpty();
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
