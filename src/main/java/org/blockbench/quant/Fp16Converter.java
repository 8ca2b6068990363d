package org.blockbench.quant;

import org.blockbench.zoo.Form;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.HalfFloat;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/**
 * The FP16 variant of a deploy graph, as onnxconverter-common's
 * {@code convert_float_to_float16(keep_io_types=True)}: every float32 initializer and Constant
 * becomes float16, so every op computes in float16; the graph's inputs and outputs stay float32
 * with a Cast at each edge. Ops on the converter's block list (those without float16 support in
 * ONNX or its runtimes) stay float32 between Casts and are listed in
 * {@code blockbench.fp16.float32_ops}. ONNX Runtime's CPU provider lacks float16 kernels for
 * most ops on x86 and inserts its own Casts around them (docs/quantization.md §FP16).
 */
public final class Fp16Converter {

    /** onnxconverter-common's {@code DEFAULT_OP_BLOCK_LIST}. */
    static final Set<String> BLOCK_LIST = Set.of("ArrayFeatureExtractor", "Binarizer", "CastMap", "CategoryMapper",
            "DictVectorizer", "FeatureVectorizer", "Imputer", "LabelEncoder", "LinearClassifier", "LinearRegressor",
            "Normalizer", "OneHotEncoder", "RandomUniformLike", "SVMClassifier", "SVMRegressor", "Scaler",
            "TreeEnsembleClassifier", "TreeEnsembleRegressor", "ZipMap", "NonMaxSuppression", "TopK", "RoiAlign",
            "Resize", "Range", "CumSum", "Min", "Max", "Upsample");
    /** Metadata key listing the ops kept in float32 ("none" when there are none). */
    public static final String FLOAT32_OPS_KEY = "blockbench.fp16.float32_ops";

    /** The converted model and the ops kept in float32 (op type → count). */
    public record Result(ModelProto model, Map<String, Integer> float32Ops, Map<String, String> settings) {
    }

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int FLOAT16 = TensorProto.DataType.FLOAT16_VALUE;

    private Fp16Converter() {
    }

    public static Result convert(ModelProto deploy) {
        GraphIndex graph = new GraphIndex(deploy);
        GraphBuilder b = new GraphBuilder();
        Map<String, Value> values = new HashMap<>();
        Map<String, Integer> kept = new TreeMap<>();
        Edges edges = new Edges(graph);
        for (Edges.Io in : edges.inputs()) {
            Value v = b.input(in.name(), in.batchDim(), in.dims());
            values.put(in.name(), b.op(OnnxOp.CAST, List.of(v), Attribute.integer("to", FLOAT16)));
        }
        for (NodeProto node : graph.graph.getNodeList()) {
            boolean blocked = BLOCK_LIST.contains(node.getOpType());
            List<Value> in = new ArrayList<>();
            for (int i = 0; i < node.getInputCount(); i++) {
                String name = node.getInput(i);
                Value v = name.isEmpty() ? null : value(b, graph, values, name);
                if (blocked && v != null && graph.isFloat(name)) {
                    v = b.op(OnnxOp.CAST, List.of(v), Attribute.integer("to", FLOAT));
                }
                in.add(v);
            }
            if (blocked) {
                kept.merge(node.getOpType(), 1, Integer::sum);
            }
            List<Value> outs = b.copyNode(blocked ? node : toHalf(node), in);
            for (int j = 0; j < node.getOutputCount(); j++) {
                String name = node.getOutput(j);
                if (!name.isEmpty()) {
                    Value v = outs.get(j);
                    if (blocked && graph.isFloat(name)) {
                        v = b.op(OnnxOp.CAST, List.of(v), Attribute.integer("to", FLOAT16));
                    }
                    values.put(name, v);
                }
            }
        }
        for (Edges.Io out : edges.outputs()) {
            Value v = b.opNamed(out.name(), OnnxOp.CAST, List.of(values.get(out.name())), Attribute.integer("to", FLOAT));
            b.output(v, out.batchDim(), out.dims());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Form.VARIANT_METADATA_KEY, Form.FP16.id());
        meta.put("blockbench.fp16.io", "float32 inputs and outputs, Cast at the edges (keep_io_types=True)");
        meta.put(FLOAT32_OPS_KEY, QdqQuantizer.describe(kept));
        ModelProto model = b.build(graph.graph.getName() + "_fp16", deploy.getDocString() + " FP16 variant.",
                Edges.metadata(deploy, meta));
        return new Result(model, Map.copyOf(kept), Map.copyOf(meta));
    }

    private static Value value(GraphBuilder b, GraphIndex graph, Map<String, Value> values, String name) {
        Value v = values.get(name);
        if (v == null) {
            TensorProto init = graph.initializers.get(name);
            if (init == null) {
                throw new IllegalStateException("value '" + name + "' is read before it is computed");
            }
            v = b.initializer(name, init.getDataType() == FLOAT ? half(graph.floatConstant(name)) : init);
            values.put(name, v);
        }
        return v;
    }

    /** The node with float32 Constant values and Cast targets turned float16. */
    private static NodeProto toHalf(NodeProto node) {
        NodeProto.Builder n = node.toBuilder();
        for (int i = 0; i < n.getAttributeCount(); i++) {
            AttributeProto a = n.getAttribute(i);
            if (node.getOpType().equals("Constant") && a.getName().equals("value") && a.getT().getDataType() == FLOAT) {
                n.setAttribute(i, a.toBuilder().setT(half(GraphIndex.floatTensor(a.getT()))));
            } else if (node.getOpType().equals("Cast") && a.getName().equals("to") && a.getI() == FLOAT) {
                n.setAttribute(i, a.toBuilder().setI(FLOAT16));
            }
        }
        return n.build();
    }

    private static TensorProto half(FloatTensor t) {
        ByteBuffer bytes = ByteBuffer.allocate(t.size() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.data()) {
            bytes.putShort(HalfFloat.fromFloat(v));
        }
        TensorProto.Builder out = TensorProto.newBuilder().setDataType(FLOAT16).setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : t.shape()) {
            out.addDims(d);
        }
        return out.build();
    }
}
