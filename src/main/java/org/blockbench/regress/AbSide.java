package org.blockbench.regress;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration of an A/B pair: the model file and the ONNX Runtime settings it runs
 * with (intra-op threads, graph optimisation level, batch). These become the JMH
 * {@code @Param} values of {@link AbLatencyBenchmark}.
 */
public record AbSide(String label, Path model, int threads, String optimization, int batch) {

    /** The JMH parameters of this side, by name. */
    public Map<String, String> jmhParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", model.toAbsolutePath().normalize().toString());
        p.put("threads", Integer.toString(threads));
        p.put("optimization", optimization);
        p.put("batch", Integer.toString(batch));
        return p;
    }

    /** "A: base.onnx (threads 1, opt all, batch 1)". */
    public String describe() {
        return label + ": " + model.getFileName() + " (threads " + threads + ", opt " + optimization + ", batch " + batch + ")";
    }
}
