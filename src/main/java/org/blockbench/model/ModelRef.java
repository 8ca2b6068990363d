package org.blockbench.model;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;

/**
 * Which model: a zoo model ({@code Block/position} of a registered block, a GWO network at
 * {@code gwo-net}), a block pack's model ({@code Block/position} of any other block), or a
 * user's ONNX file (its absolute, normalised path). {@link #parse} is the one place that decides
 * whether a text names a file or an id; {@link #text()} is what {@link #parse} reads back (the
 * JMH {@code model} parameter), {@link #label()} what a person reads, {@link #key()} the name of
 * its files, and {@link #directory()} its directory under an output root.
 */
public sealed interface ModelRef extends Comparable<ModelRef> permits ModelRef.ManifestModel, ModelRef.UserFile {

    /**
     * Parses a model reference: a text ending in ".onnx", in any case, is a path to a
     * user's file (made absolute and normalised, so that two spellings of one file meet); anything
     * else is {@code Block/position}, a zoo model when the block is registered
     * ({@link BlockRegistry}), else a block pack's. A file without that ending is never taken for a
     * file, and a file named like an id ({@code ResNetBasicBlock/mid.onnx}) is a file. Whether the
     * model exists is the catalogue's question.
     */
    static ModelRef parse(String text) {
        String t = text.strip();
        if (OnnxModelFile.isModelFileName(t)) {
            try {
                return file(Path.of(t));
            } catch (InvalidPathException e) {
                throw new BadInputException("model " + NodeView.quote(text) + " is not a valid path: " + e.getReason(), e);
            }
        }
        ModelId id;
        try {
            id = ModelId.parse(t);
        } catch (BadInputException e) {
            throw new BadInputException("model " + NodeView.quote(text)
                    + " is neither Block/position nor a path to a .onnx file", e);
        }
        return of(id);
    }

    /** The model {@code id}: a zoo model when its block is registered, else a block pack's. */
    static ModelRef of(ModelId id) {
        return BlockRegistry.names().contains(id.block()) ? new ZooModel(id) : new PackModel(id);
    }

    /** {@link #of(ModelId)} of {@code block/position}. */
    static ModelRef of(String block, String position) {
        return of(new ModelId(block, position));
    }

    /** A user's ONNX file. */
    static UserFile file(Path file) {
        return new UserFile(file);
    }

    /**
     * The text {@link #parse} reads back: {@code Block/position}, or the file's absolute path (read back
     * as this file only when its name ends in ".onnx", as {@code bench} and {@code train} find files).
     */
    String text();

    /** What a person reads: {@code Block/position}, or the file's name without ".onnx". */
    String label();

    /**
     * A file-name-safe key, stable across runs and machines, never shared by two models:
     * {@code Block-position} where the id is letters, digits and '-' only; else the id with every
     * other character as '_' plus 8 hex digits of its SHA-256 (so {@code My.Block} and
     * {@code My_Block} differ); a file's name without ".onnx", so sanitised, plus 8
     * hex digits of the SHA-256 of its absolute path (two {@code net.onnx} in different
     * directories differ).
     */
    String key();

    /**
     * Its directory under an output root (training runs), '/'-separated: {@code Block/position} (as under
     * onnx-models/), or {@code onnx/<key>} for a file.
     */
    String directory();

    /** The block's name, or the file's {@link #label()}. */
    String block();

    /** The scaffold position or {@code gwo-net}; "" for a file. */
    String position();

    /** The file's absolute path; "" for a zoo or pack model. */
    default String file() {
        return "";
    }

    /** Whether this is a user's ONNX file. */
    default boolean isFile() {
        return this instanceof UserFile;
    }

    /** Whether this is a model at one of the three scaffold positions (early, mid, late). */
    default boolean isScaffold() {
        return !isFile() && Position.ids().contains(position());
    }

    /** Catalogue order of blocks (unknown blocks after, by name), then early, mid, late, gwo-net; files last, by name and path. */
    @Override
    default int compareTo(ModelRef o) {
        return RefKeys.ORDER.compare(this, o);
    }

    /** A model the export manifest lists by {@code Block/position}: a zoo model or a block pack's. */
    sealed interface ManifestModel extends ModelRef permits ZooModel, PackModel {

        /** Its {@code Block/position}. */
        ModelId id();

        @Override
        default String text() {
            return id().toString();
        }

        @Override
        default String label() {
            return text();
        }

        @Override
        default String key() {
            return RefKeys.ofId(id());
        }

        @Override
        default String directory() {
            return text();
        }

        @Override
        default String block() {
            return id().block();
        }

        @Override
        default String position() {
            return id().position();
        }
    }

    /** A model BlockBench's zoo builds: a registered block at a position, or a GWO network. */
    record ZooModel(ModelId id) implements ManifestModel {

        @Override
        public String toString() {
            return label();
        }
    }

    /** A block pack's model (docs/own-block.md): a block outside the registry, in the zoo's scaffold. */
    record PackModel(ModelId id) implements ManifestModel {

        @Override
        public String toString() {
            return label();
        }
    }

    /** A user's ONNX file, by its absolute, normalised path. */
    record UserFile(Path path) implements ModelRef {

        public UserFile {
            path = path.toAbsolutePath().normalize();
            if (path.getFileName() == null) {
                throw new BadInputException("model " + NodeView.quote(path.toString()) + " names no file");
            }
        }

        @Override
        public String text() {
            return path.toString();
        }

        @Override
        public String label() {
            return OnnxModelFile.stem(path);
        }

        @Override
        public String key() {
            return RefKeys.sanitize(label()) + "-" + RefKeys.hash8(text());
        }

        @Override
        public String directory() {
            return "onnx/" + key();
        }

        @Override
        public String block() {
            return label();
        }

        @Override
        public String position() {
            return "";
        }

        @Override
        public String file() {
            return text();
        }

        @Override
        public String toString() {
            return label();
        }
    }
}
