package org.blockbench.bench;

import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.zoo.Form;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/** Tiny real ONNX models (milliseconds to build, microseconds to run) and a manifest over them, for tests. */
public final class TinyModels {

    private TinyModels() {
    }

    /**
     * input [batch, 3, side, side] → Conv 3→channels k3 pad 1 → Relu → GlobalAveragePool →
     * Flatten → Gemm(channels → 2) → logits [batch, 2]; seeded weights.
     */
    public static Path convNet(Path file, int side, int channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "batch", 3, side, side);
        Value w = g.parameter("conv.weight", random(random, channels, 3, 3, 3));
        Value y = g.op(OnnxOp.CONV, List.of(x, w), Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1));
        y = g.op(OnnxOp.RELU, List.of(y));
        y = g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(y));
        y = g.op(OnnxOp.FLATTEN, List.of(y), Attribute.integer("axis", 1));
        Value fw = g.parameter("fc.weight", random(random, 2, channels));
        Value fb = g.parameter("fc.bias", random(random, 2));
        Value logits = g.opNamed("logits", OnnxOp.GEMM, List.of(y, fw, fb), Attribute.integer("transB", 1));
        g.output(logits, "batch", 2);
        OnnxModelFile.write(file, g.build("tiny", "test fixture", Map.of()));
        return file;
    }

    /** A model whose input is a feature vector [batch, 16], not an image. */
    public static Path vectorNet(Path file) {
        SplittableRandom random = new SplittableRandom(1);
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("features", "batch", 16);
        Value w = g.parameter("fc.weight", random(random, 2, 16));
        Value b = g.parameter("fc.bias", random(random, 2));
        Value logits = g.opNamed("logits", OnnxOp.GEMM, List.of(x, w, b), Attribute.integer("transB", 1));
        g.output(logits, "batch", 2);
        OnnxModelFile.write(file, g.build("vector", "test fixture", Map.of()));
        return file;
    }

    private static FloatTensor random(SplittableRandom random, long... shape) {
        float[] data = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextDouble() - 0.5);
        }
        return new FloatTensor(shape, data);
    }

    /**
     * A models directory laid out like {@code blockbench export}'s: one tiny model per
     * (block, position), train and deploy forms, and a manifest.json over them.
     */
    public static Path zoo(Path dir, List<String> blocks, List<String> positions) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", org.blockbench.export.Manifest.FORMAT).put("seed", 0)
                .put("classes", 2).put("opset", GraphBuilder.OPSET);
        ArrayNode models = root.putArray("models");
        long seed = 0;
        for (String block : blocks) {
            for (String position : positions) {
                ObjectNode m = models.addObject().put("block", block).put("position", position)
                        .put("input_name", "input").put("output_name", "logits");
                for (Form form : Form.values()) {
                    if (form.isVariant()) {
                        continue; // variants are files export --variants writes, listed under "variants"
                    }
                    String rel = block + "/" + position + "/" + form.id() + ".onnx";
                    Path file = convNet(dir.resolve(rel), 8, 4, seed++);
                    m.putObject(form.id()).put("path", rel).put("sha256", OnnxModelFile.sha256(file));
                }
            }
        }
        AtomicFile.writeString(dir.resolve(ModelCatalog.MANIFEST), root.toPrettyString());
        return dir;
    }
}
