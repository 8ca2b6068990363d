package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.blockbench.io.AtomicFile;

/**
 * Reads and writes {@code .onnx} files. Reading validates what a truncated, corrupted or
 * hostile file breaks (protobuf framing, then {@link ModelValidator}'s rules: structure, window
 * attributes, tensor sizes and payloads, external data), and every failure names the file.
 */
public final class OnnxModelFile {

    /**
     * Largest element count of one declared or stored tensor: 2^31 - 1 (8 GiB of floats), far
     * above any model BlockBench measures and below the sizes that overflow 64-bit byte counts
     * or make ONNX Runtime allocate for ever.
     */
    public static final long MAX_TENSOR_ELEMENTS = Integer.MAX_VALUE;

    /**
     * Highest IR version the bundled ONNX Runtime (1.29) loads; {@code OrtVersionLimitsTest}
     * checks it against the runtime on the class path, so an upgrade that moves it fails there.
     */
    public static final long MAX_IR_VERSION = 13;

    /** Highest {@code ai.onnx} opset the bundled ONNX Runtime (1.29) loads; checked as {@link #MAX_IR_VERSION} is. */
    public static final long MAX_OPSET = 26;

    private OnnxModelFile() {
    }

    /**
     * Reads and validates a model ({@link ModelValidator} lists the rules); throws
     * {@link OnnxModelException} naming the file and the problem. Every path by which a user's
     * model reaches ONNX Runtime, LibTorch or the analysis goes through here first.
     */
    public static ModelProto read(Path file) {
        return parse(file, readBytes(file));
    }

    /** Parses and validates the bytes of {@code file} (read by {@link #readBytes}); errors name the file. */
    public static ModelProto parse(Path file, byte[] bytes) {
        Path parent = file.toAbsolutePath().getParent();
        return parse(file.toString(), parent, bytes);
    }

    /** A model file's raw bytes (for hashing as well as parsing); errors name the file. */
    public static byte[] readBytes(Path file) {
        try {
            // a regular file only, at most 2 GiB (a FIFO or /dev/zero would hang or exhaust the read)
            return org.blockbench.io.InputFiles.read(file, org.blockbench.io.InputFiles.MODEL_CAP, "ONNX model");
        } catch (OnnxModelException e) {
            throw e;
        } catch (org.blockbench.BadInputException e) {
            throw new OnnxModelException(e.getMessage(), e);
        }
    }

    /**
     * Parses and validates model bytes that did not come from a file; {@code source} names them
     * in errors. Such a model may not use external data, having no directory to resolve it in.
     */
    public static ModelProto parse(String source, byte[] bytes) {
        return parse(source, null, bytes);
    }

    /**
     * Validates a model built or parsed in memory, the way {@link #parse(String, byte[])} would;
     * for callers that accept a {@link ModelProto} from outside (the analysis API).
     */
    public static void validate(String source, ModelProto model) {
        ModelValidator.validate(source, null, model);
    }

    private static ModelProto parse(String source, Path directory, byte[] bytes) {
        if (bytes.length == 0) {
            throw new OnnxModelException(source + ": empty file, not an ONNX model");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxModelException(source + ": not a valid ONNX model (protobuf: " + e.getMessage() + ")", e);
        }
        ModelValidator.validate(source, directory, model);
        if (GraphBuilder.PRODUCER.equals(model.getProducerName())) {
            checkMetadataComplete(source, model);
        }
        return model;
    }

    /** The file name ending of an ONNX model, matched in any case ({@code Net.ONNX} is one). */
    public static final String SUFFIX = ".onnx";

    /** Whether a file name or path ends in {@value #SUFFIX}, in any case: the one test of "names an ONNX file". */
    public static boolean isModelFileName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(SUFFIX);
    }

    /** The file's name without {@value #SUFFIX} (in any case), or its whole name when it lacks the ending. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        return isModelFileName(name) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** Writes a model atomically. */
    public static void write(Path file, ModelProto model) {
        AtomicFile.write(file, model.toByteArray());
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        return sha256(readBytes(file));
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /**
     * A protobuf cut exactly between two top-level fields still parses; for files BlockBench
     * wrote, the metadata ends with an entry count, so such a cut is caught too.
     */
    private static void checkMetadataComplete(String source, ModelProto model) {
        int n = model.getMetadataPropsCount();
        boolean complete = n > 0 && model.getMetadataProps(n - 1).getKey().equals(GraphBuilder.METADATA_COUNT_KEY)
                && model.getMetadataProps(n - 1).getValue().equals(Integer.toString(n));
        if (!complete) {
            throw new OnnxModelException(source + ": metadata of a BlockBench model is incomplete (truncated file?)");
        }
    }
}
