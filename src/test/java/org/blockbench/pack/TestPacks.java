package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ParameterSource;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.Scaffold;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;

/**
 * Test support: block packs whose function is known, built with our own graph builder from a
 * zoo block, its three instances emitted in isolation as a stage with the weights of the zoo
 * scaffold's stage at that position.
 */
public final class TestPacks {

    private TestPacks() {
    }

    /** Writes a pack named {@code name} of {@code block}'s train-form stages with the weights of the zoo scaffold of {@code config}. */
    public static Path write(Path dir, String name, Block block, ScaffoldConfig config) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BlockPackReader.DESCRIPTOR), """
                {"format": "blockbench-block-pack/1", "name": "%s", "description": "the zoo's %s as a pack",
                 "gwo": {"format": "blockbench-gwo/1", "operations": [
                   {"name": "conv1", "primitives": ["STATIC_SLIDING", "DENSE_SQUARE(3)", "SHARED_KERNEL"]},
                   {"name": "conv2", "primitives": ["STATIC_SLIDING", "DENSE_SQUARE(3)", "SHARED_KERNEL"]},
                   {"name": "skip", "primitives": ["IDENTITY"]}]}}
                """.formatted(name, block.name()));
        for (Position p : Position.values()) {
            OnnxModelFile.write(dir.resolve(BlockPackReader.stageFileName(p)),
                    stage(block, Scaffold.firstBlockSpec(p, config.inputSize()), Form.TRAIN, stageWeights(block, p, config)));
        }
        return dir;
    }

    /** The parameters of the zoo scaffold's stage at {@code p}, with the stage prefix removed. */
    public static Map<String, FloatTensor> stageWeights(Block block, Position p, ScaffoldConfig config) {
        BuiltModel zoo = Zoo.build(new ModelId(block.name(), p.id()), Form.TRAIN, config);
        Map<String, FloatTensor> weights = new HashMap<>();
        String prefix = p.stage() + ".";
        zoo.parameters().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                weights.put(k.substring(prefix.length()), v);
            }
        });
        return weights;
    }

    /** The three instances of {@code block} from {@code first} on, as a stage graph [N, in, H, W] → [N, out, H', W']. */
    public static ModelProto stage(Block block, BlockSpec first, Form form, Map<String, FloatTensor> weights) {
        GraphBuilder g = new GraphBuilder();
        ModelContext ctx = new ModelContext(g, form, new ParameterSource(0, org.blockbench.zoo.InitMode.PYTORCH, weights));
        Value x = g.input("x", "N", first.inChannels(), first.inHeight(), first.inWidth());
        int channels = first.inChannels();
        int size = first.inHeight();
        for (int i = 0; i < Scaffold.BLOCKS_PER_STAGE; i++) {
            int stride = i == 0 ? first.stride() : 1;
            BlockSpec spec = new BlockSpec(channels, first.outChannels(), stride, first.position(), size, size);
            try (var s = g.scope(Integer.toString(i))) {
                x = block.emit(ctx, x, spec);
            }
            channels = first.outChannels();
            size = block.outputSize(size, stride);
        }
        g.output(x, "N", channels, size, size);
        return g.build("stage", "test stage", Map.of());
    }

    /**
     * Replaces the pack's early stage by one that fits its position but whose every output is NaN
     * ((x - x) / (x - x) = 0 / 0): valid ONNX that ONNX Runtime runs, refused by the probe.
     */
    public static void writeNanEarlyStage(Path pack) throws IOException {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "N", 64, 32, 32);
        Value zero = g.op(org.blockbench.onnx.OnnxOp.SUB, java.util.List.of(x, x));
        g.output(g.op(org.blockbench.onnx.OnnxOp.DIV, java.util.List.of(zero, zero)), "N", 64, 32, 32);
        OnnxModelFile.write(pack.resolve(BlockPackReader.stageFileName(Position.EARLY)), g.build("nan", "", Map.of()));
    }
}
