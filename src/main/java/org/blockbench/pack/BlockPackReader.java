package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.blockbench.BadInputException;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoSidecar;
import org.blockbench.io.InputFiles;
import org.blockbench.io.JsonFiles;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.InitializerUses;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.text.OneLine;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.Scaffold;

/**
 * Reads a block pack directory (docs/own-block.md) and refuses, in one line naming the file,
 * anything the scaffold could not splice: a malformed or unknown-format {@code block.json}, a
 * name that is not a plain identifier or that clashes with a taken one (the zoo's blocks,
 * packs read before), a missing position, a stage file that is not a valid ONNX model
 * ({@link OnnxModelFile#read}: the validation every untrusted model gets), an opset other than
 * {@value GraphBuilder#OPSET} or a node outside the default domain, control flow, more or
 * fewer than one data input or output, and a stage whose input or output does not fit its
 * position ({@link Scaffold#firstBlockSpec}); last, a stage ONNX Runtime refuses or whose outputs
 * are not finite ({@link StageProbe}, in a child JVM). Reading writes nothing.
 */
public final class BlockPackReader {

    /** The format tag of {@code block.json}; a later incompatible format gets a new number. */
    public static final String FORMAT = "blockbench-block-pack/1";
    public static final String DESCRIPTOR = "block.json";
    /** The deploy graph of position p is {@code p}{@value #DEPLOY_SUFFIX}. */
    public static final String DEPLOY_SUFFIX = ".deploy.onnx";

    private static final Set<String> KEYS = Set.of("format", "name", "description", "gwo", "source");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private BlockPackReader() {
    }

    /** The stage file of {@code position}: {@code early.onnx}, {@code mid.onnx} or {@code late.onnx}. */
    public static String stageFileName(Position position) {
        return position.id() + ".onnx";
    }

    /**
     * Reads and validates the pack in {@code dir} for a scaffold of {@code inputSize}² inputs;
     * {@code takenNames} (compared case-insensitively, as file systems may) are refused as its name.
     */
    public static BlockPack read(Path dir, int inputSize, Collection<String> takenNames) {
        BlockPack pack = readStructure(dir, inputSize, takenNames);
        StageProbe.check(pack, inputSize);
        return pack;
    }

    /**
     * As {@link #read}, every check but the last: the pack's files and structure, without
     * {@link StageProbe} (ONNX Runtime, in a child JVM), which the caller runs when it uses the pack.
     */
    public static BlockPack readStructure(Path dir, int inputSize, Collection<String> takenNames) {
        Path descriptor = dir.resolve(DESCRIPTOR);
        JsonNode root = descriptor(dir);
        String source = descriptor.toString();
        String name = root.path("name").asText("");
        for (String taken : takenNames) {
            if (taken.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                throw new BadInputException(source + ": block name '" + name + "' clashes with the block '" + taken
                        + "' already known; rename the pack's block");
            }
        }
        String description = root.path("description").asText("");
        GwoAnnotation gwo = new GwoAnnotation(List.of(), List.of());
        if (root.has("gwo")) {
            GwoSidecar sidecar = GwoSidecar.parse(root.get("gwo"), source + " gwo");
            if (sidecar.instances() != 1) {
                throw new BadInputException(source + ": gwo describes one block instance; \"instances\" must be 1"
                        + " or absent, found " + sidecar.instances());
            }
            gwo = sidecar.annotation();
        }
        Map<Position, PackStage> stages = new EnumMap<>(Position.class);
        for (Position p : Position.values()) {
            BlockSpec first = Scaffold.firstBlockSpec(p, inputSize);
            Path train = dir.resolve(stageFileName(p));
            if (!Files.exists(train, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(train + ": missing; a block pack holds a stage for every position ("
                        + Position.ids().stream().map(id -> id + ".onnx").collect(Collectors.joining(", ")) + ")");
            }
            Path deploy = dir.resolve(p.id() + DEPLOY_SUFFIX);
            stages.put(p, new PackStage(p, train, stage(train, first),
                    Files.exists(deploy, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? stage(deploy, first) : null));
        }
        return new BlockPack(dir, name, description, gwo, stages);
    }

    /**
     * The block name in the pack's {@value #DESCRIPTOR}, checked for format and form only (the
     * stages are not read): what {@code run} needs to plan its steps before {@code export} reads the pack.
     */
    public static String name(Path dir) {
        return descriptor(dir).path("name").asText("");
    }

    /** The pack's descriptor, of format {@value #FORMAT} with known keys and a valid name. */
    private static JsonNode descriptor(Path dir) {
        Path descriptor = dir.resolve(DESCRIPTOR);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a block pack directory (expected a directory holding "
                    + DESCRIPTOR + " and early.onnx, mid.onnx, late.onnx)");
        }
        if (!Files.exists(descriptor, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(descriptor + ": no such file; a block pack needs " + DESCRIPTOR
                    + " with \"format\": \"" + FORMAT + "\"");
        }
        packFile(dir, descriptor);
        JsonNode root;
        try {
            root = JsonFiles.mapper().readTree(InputFiles.read(descriptor, InputFiles.DESCRIPTOR_CAP, "a pack descriptor"));
        } catch (IOException e) {
            throw new BadInputException(descriptor + ": not valid JSON (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        String source = descriptor.toString();
        JsonFiles.requireFormat(root, FORMAT, KEYS, source);
        String name = root.path("name").asText("");
        if (!root.path("name").isTextual() || !NAME.matcher(name).matches()) {
            throw new BadInputException(source + ": name " + NodeView.quote(name) + " must be a letter then up to 63"
                    + " letters, digits, '_', '.' or '-' (it names directories and board rows)");
        }
        return root;
    }

    /** The stage graph's one data input: its first input that is not an initializer. */
    static ValueInfoProto dataInput(GraphProto graph) {
        List<ValueInfoProto> inputs = dataInputs(graph);
        return inputs.get(0);
    }

    private static List<ValueInfoProto> dataInputs(GraphProto graph) {
        Set<String> stored = graph.getInitializerList().stream().map(TensorProto::getName).collect(Collectors.toSet());
        return graph.getInputList().stream().filter(i -> !stored.contains(i.getName())).toList();
    }

    /**
     * A file of the pack: a regular file inside the pack directory once links are resolved (a
     * link out of the pack, a FIFO that hangs the read, a link to /dev/zero are refused).
     */
    private static void packFile(Path dir, Path file) {
        InputFiles.requireRegular(file, "a block pack file");
        InputFiles.requireInside(dir, file, "a block pack file");
    }

    private static ModelProto stage(Path file, BlockSpec first) {
        packFile(file.getParent(), file);
        ModelProto model = OnnxModelFile.read(file);
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            boolean standard = opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx");
            if (!standard) {
                throw new BadInputException(file + ": imports operator domain " + NodeView.quote(opset.getDomain())
                        + "; a stage may use only the default ONNX domain at opset " + GraphBuilder.OPSET);
            }
            if (opset.getVersion() != GraphBuilder.OPSET) {
                throw new BadInputException(file + ": opset " + opset.getVersion() + ", expected "
                        + GraphBuilder.OPSET + " (export with opset_version=" + GraphBuilder.OPSET + ")");
            }
        }
        GraphProto graph = model.getGraph();
        for (NodeProto node : graph.getNodeList()) {
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                throw new BadInputException(file + ": node " + NodeView.quote(node.getName()) + " is in domain "
                        + NodeView.quote(node.getDomain()) + "; a stage may use only the default ONNX domain");
            }
            for (AttributeProto a : node.getAttributeList()) {
                if (a.hasG() || a.getGraphsCount() > 0) {
                    throw new BadInputException(file + ": node " + NodeView.quote(node.getName()) + " ("
                            + node.getOpType() + ") holds a subgraph; control flow is not supported in a stage");
                }
            }
        }
        InitializerUses.of(graph).firstStatisticConflict().ifPresent(c -> {
            // A running statistic that is also trained would be moved by the optimiser and by BN's
            // update at once; PyTorch had two tensors there, merged by the exporter because their values were equal.
            throw new BadInputException(file + ": initializer " + NodeView.quote(c.initializer())
                    + " is both a trainable parameter (" + c.other().describe() + ") and a BatchNorm running statistic ("
                    + c.statistic().describe() + "); re-export the block with tools/export_block.py, which keeps"
                    + " one initializer per PyTorch tensor");
        });
        List<ValueInfoProto> inputs = dataInputs(graph);
        if (inputs.size() != 1 || graph.getOutputCount() != 1) {
            throw new BadInputException(file + ": a stage has exactly one input and one output, found "
                    + inputs.size() + " input(s) " + inputs.stream().map(i -> NodeView.quote(i.getName())).toList()
                    + " and " + graph.getOutputCount() + " output(s)");
        }
        long[] in = {first.inChannels(), first.inHeight(), first.inWidth()};
        long[] out = {first.outChannels(), first.outHeight(), first.outWidth()};
        String role = first.position().id() + " stage: " + first.inChannels() + "→" + first.outChannels()
                + ", first stride " + first.stride();
        checkShape(file, "input", inputs.get(0), in, role);
        checkShape(file, "output", graph.getOutput(0), out, role);
        return model;
    }

    /** The value must be a float [N, C, H, W] tensor whose C, H, W are {@code chw} where the file gives numbers. */
    private static void checkShape(Path file, String what, ValueInfoProto value, long[] chw, String role) {
        String expected = "[N, " + chw[0] + ", " + chw[1] + ", " + chw[2] + "]";
        var type = value.getType().getTensorType();
        if (!value.getType().hasTensorType() || type.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new BadInputException(file + ": " + what + " " + NodeView.quote(value.getName())
                    + " must be a float32 tensor " + expected + " (" + role + ")");
        }
        List<String> found = new ArrayList<>();
        boolean fits = type.hasShape() && type.getShape().getDimCount() == 4;
        if (type.hasShape()) {
            for (int i = 0; i < type.getShape().getDimCount(); i++) {
                TensorShapeProto.Dimension d = type.getShape().getDim(i);
                found.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.hasDimParam() ? d.getDimParam() : "?");
                if (i >= 1 && i <= 3 && d.hasDimValue() && d.getDimValue() != chw[i - 1]) {
                    fits = false;
                }
            }
        }
        if (!fits) {
            throw new BadInputException(file + ": " + what + " shape must be " + expected + " (" + role + "), found "
                    + (type.hasShape() ? NodeView.quote(found.toString()) : "no shape"));
        }
    }

}
