package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.blockbench.io.AtomicFile;

/**
 * Reads and writes {@code .onnx} files. Reading validates the structure a truncated or
 * corrupted file breaks (protobuf framing, a graph with inputs and outputs, node inputs
 * that refer to defined values, initializer payload sizes), and every failure names the file.
 */
public final class OnnxModelFile {

    private OnnxModelFile() {
    }

    /** Reads and validates a model; throws {@link OnnxModelException} naming the file and the problem. */
    public static ModelProto read(Path file) {
        return parse(file.toString(), readBytes(file));
    }

    /** A model file's raw bytes (for hashing as well as parsing); errors name the file. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OnnxModelException(file + ": no such file");
        } catch (IOException e) {
            throw new OnnxModelException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses and validates model bytes; {@code source} names them in errors. */
    public static ModelProto parse(String source, byte[] bytes) {
        if (bytes.length == 0) {
            throw new OnnxModelException(source + ": empty file, not an ONNX model");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxModelException(source + ": not a valid ONNX model (protobuf: " + e.getMessage() + ")", e);
        }
        validate(source, model);
        return model;
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

    private static void validate(String source, ModelProto model) {
        if (!model.hasGraph()) {
            throw new OnnxModelException(source + ": not a valid ONNX model (no graph)");
        }
        if (model.getOpsetImportCount() == 0) {
            throw new OnnxModelException(source + ": not a valid ONNX model (no opset_import)");
        }
        if (GraphBuilder.PRODUCER.equals(model.getProducerName())) {
            checkMetadataComplete(source, model);
        }
        GraphProto graph = model.getGraph();
        if (graph.getOutputCount() == 0) {
            throw new OnnxModelException(source + ": graph '" + graph.getName() + "' declares no outputs (truncated file?)");
        }
        Set<String> defined = new HashSet<>();
        graph.getInputList().forEach(i -> defined.add(i.getName()));
        for (TensorProto t : graph.getInitializerList()) {
            checkPayload(source, t);
            defined.add(t.getName());
        }
        for (NodeProto node : graph.getNodeList()) {
            for (String in : node.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new OnnxModelException(source + ": node '" + node.getName() + "' (" + node.getOpType()
                            + ") reads '" + in + "', which no graph input, initializer or earlier node defines"
                            + " (truncated file, or nodes not in topological order)");
                }
            }
            defined.addAll(node.getOutputList());
        }
        for (ValueInfoProto out : graph.getOutputList()) {
            if (!defined.contains(out.getName())) {
                throw new OnnxModelException(source + ": graph output '" + out.getName() + "' is never produced (truncated file?)");
            }
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

    private static void checkPayload(String source, TensorProto t) {
        if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxModelException(source + ": initializer '" + t.getName()
                    + "' uses external data, which BlockBench does not read; re-save the model with weights inside");
        }
        long elements = 1;
        for (long d : t.getDimsList()) {
            elements *= d;
        }
        TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
        int elementBytes = type == null ? -1 : switch (type) {
            case FLOAT, INT32, UINT32 -> 4;
            case DOUBLE, INT64, UINT64 -> 8;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> -1;
        };
        if (!t.getRawData().isEmpty() && elementBytes > 0 && t.getRawData().size() != elements * elementBytes) {
            throw new OnnxModelException(source + ": initializer '" + t.getName() + "' holds " + t.getRawData().size()
                    + " bytes, its shape " + t.getDimsList() + " needs " + elements * elementBytes + " (truncated file?)");
        }
    }
}
