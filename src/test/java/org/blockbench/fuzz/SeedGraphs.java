package org.blockbench.fuzz;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.export.Exporter;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;

/**
 * The valid graphs every model case starts from: a few small zoo graphs, exported in-process
 * with the project's {@link Exporter}, and graphs shaped like {@code torch.onnx.export} output
 * ({@link TorchStyleGraphs}). Built once per JVM; the order is fixed so a case index always
 * picks the same seed.
 */
final class SeedGraphs {

    /** The zoo models used: small, and covering Conv/BatchNorm/MaxPool/Gemm/depthwise convs. */
    static final List<ModelId> ZOO = List.of(new ModelId("ResNetBasicBlock", "early"),
            new ModelId("StandardConv", ModelId.GWO_NETWORK), new ModelId("DepthwiseConv", ModelId.GWO_NETWORK));

    private static Map<String, ModelProto> graphs;

    private SeedGraphs() {
    }

    /** name → graph, e.g. "zoo:StandardConv/gwo-net/train", "torch:reshape-head". */
    static synchronized Map<String, ModelProto> all() {
        if (graphs == null) {
            Map<String, ModelProto> g = new LinkedHashMap<>();
            g.putAll(zoo());
            g.putAll(TorchStyleGraphs.all());
            graphs = Collections.unmodifiableMap(g);
        }
        return graphs;
    }

    static List<String> names() {
        return new ArrayList<>(all().keySet());
    }

    private static Map<String, ModelProto> zoo() {
        Path dir;
        try {
            dir = Files.createTempDirectory("blockbench-fuzz-zoo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Manifest manifest = new Exporter(dir, ScaffoldConfig.defaults()).export(ZOO, id -> { });
            Map<String, ModelProto> g = new LinkedHashMap<>();
            for (ManifestEntry e : manifest.models()) {
                g.put("zoo:" + e.id() + "/train", OnnxModelFile.read(dir.resolve(e.train().path())));
                g.put("zoo:" + e.id() + "/deploy", OnnxModelFile.read(dir.resolve(e.deploy().path())));
            }
            return g;
        } finally {
            FuzzFiles.deleteTree(dir);
        }
    }
}
