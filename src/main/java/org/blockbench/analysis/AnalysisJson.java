package org.blockbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.blockbench.io.JsonFiles;

/**
 * The JSON form of an analysis. Deterministic: keys sorted, nodes in graph order, ratios
 * with six decimals, two-space indentation and {@code \n} line ends on every platform, no
 * timestamps or absolute paths; the same file gives the same bytes.
 */
public final class AnalysisJson {

    /** Format tag of one analysis object. */
    public static final String FORMAT = "blockbench-analysis/1";
    /** Format tag of an object holding several analyses. */
    public static final String SET_FORMAT = "blockbench-analysis-set/1";

    /** Sorted keys (maps and records alike), records in snake_case, plain decimals; NaN as null ({@link JsonFiles}). */
    static final ObjectMapper MAPPER = JsonFiles.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private AnalysisJson() {
    }

    /** The analysis as a tree of sorted maps, lists and scalars, ready to extend (e.g. with "data"). */
    public static SortedMap<String, Object> tree(GraphAnalysis a) {
        SortedMap<String, Object> root = new TreeMap<>();
        root.put("format", FORMAT);
        ModelInfo m = a.model();
        root.put("model", map("file", m.file(), "sha256", m.sha256(), "file_bytes", m.fileBytes(),
                "graph", m.graphName(), "producer", m.producer(), "opset", m.opset(), "ir_version", m.irVersion()));
        SortedMap<String, Object> inputs = new TreeMap<>();
        a.inputShapes().forEach((k, v) -> inputs.put(k, v));
        root.put("input_shapes", inputs);
        root.put("assumed_dims", new TreeMap<>(a.assumedDims()));
        root.put("complete", a.complete());
        root.put("incomplete_reasons", a.incompleteReasons());
        root.put("unsupported_ops", new ArrayList<>(a.unsupportedOps()));
        root.put("warnings", a.warnings());
        ParameterTotals p = a.params();
        List<Object> shared = new ArrayList<>();
        for (ParameterTotals.SharedTensor s : p.shared()) {
            shared.add(map("name", s.name(), "role", s.role(), "elements", s.elements(), "uses", s.uses()));
        }
        root.put("params", map("convention", Conventions.PARAMS, "elements", p.elements(), "bytes", p.bytes(),
                "per_use_elements", p.perUseElements(), "shared_tensors", shared,
                "constants", map("elements", p.constantElements(), "bytes", p.constantBytes(),
                        "constant_node_elements", p.constantNodeElements()),
                "unused_initializers", map("count", p.unusedInitializers(), "elements", p.unusedElements())));
        root.put("buffers", map("convention", "BatchNormalization running mean and variance (inputs 3 and 4);"
                + " stored state, not trainable parameters", "elements", p.bufferElements(), "bytes", p.bufferBytes()));
        root.put("macs", map("convention", Conventions.MACS, "total", a.macs(), "integer", a.integerMacs(),
                "integer_convention", Conventions.INTEGER_MACS));
        root.put("flops", map("convention", Conventions.FLOPS, "two_x_macs", a.flopsTwoTimesMacs(),
                "all_operator", a.flopsAllOperator()));
        MemoryTotals mem = a.memory();
        root.put("memory", map("convention", Conventions.MEMORY, "parameter_bytes", mem.parameterBytes(),
                "buffer_bytes", mem.bufferBytes(), "activation_bytes_total", mem.activationBytesTotal(),
                "peak_live_activation_bytes", mem.peakLiveActivationBytes(), "peak_node", mem.peakNode()));
        NeuroBenchStatic nb = a.neuroBench();
        root.put("neurobench", map("convention", Conventions.NEUROBENCH, "footprint_bytes", nb.footprintBytes(),
                "connection_sparsity", ratio(nb.connectionSparsity()), "weight_elements", nb.weightElements(),
                "zero_weight_elements", nb.zeroWeightElements()));
        SortedMap<String, Object> ops = new TreeMap<>();
        for (OpTypeSummary s : a.opTypes()) {
            ops.put(s.opType(), map("count", s.count(), "macs", s.macs(), "macs_share", ratio(s.macsShare()),
                    "flops_all_operator", s.flopsAllOperator(), "flops_share", ratio(s.flopsShare()),
                    "param_elements", s.paramElements()));
        }
        root.put("op_types", ops);
        List<Object> nodes = new ArrayList<>();
        for (NodeCost n : a.nodes()) {
            List<Object> outs = new ArrayList<>();
            for (NodeCost.Output o : n.outputs()) {
                outs.add(map("name", o.name(), "dtype", o.elementType(), "shape", o.shape(), "constant", o.constant()));
            }
            nodes.add(map("index", n.index(), "name", n.name(), "op_type", n.opType(), "status", n.status(),
                    "reason", n.reason(), "outputs", outs, "param_elements", n.paramElements(),
                    "buffer_elements", n.bufferElements(), "macs", n.macs(), "flops_all_operator",
                    n.flopsAllOperator(), "output_bytes", n.outputBytes()));
        }
        root.put("nodes", nodes);
        return root;
    }

    /** Several analyses in one object: {@code {"format": SET_FORMAT, "models": [...]}}. */
    public static SortedMap<String, Object> set(List<? extends Map<String, Object>> trees) {
        return map("format", SET_FORMAT, "models", trees);
    }

    /** UTF-8 bytes of a tree, pretty-printed, ending with a newline. */
    public static byte[] bytes(Object tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = MAPPER.writer(printer).writeValueAsString(tree) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analysis tree is not serialisable", e);
        }
    }

    /** A ratio as a plain decimal with six places (null stays null), stable across JVMs. */
    public static BigDecimal ratio(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite()) {
            throw new IllegalArgumentException("ratio is " + value);
        }
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** A sorted map from alternating keys and values. */
    public static SortedMap<String, Object> map(Object... keyValues) {
        SortedMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
