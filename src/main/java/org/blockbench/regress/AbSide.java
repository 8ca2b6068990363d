package org.blockbench.regress;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.model.ModelRef;
import org.blockbench.ort.Provider;
import org.blockbench.zoo.Form;

/**
 * One configuration of an A/B pair: the model file and the ONNX Runtime settings it runs
 * with (intra-op threads, graph optimisation level, batch). These become the JMH
 * {@code @Param} values of {@link OrtInferenceBenchmark}, under the names {@code bench} uses
 * (the CPU provider; {@code form} is recorded but does not apply to a file).
 */
public record AbSide(String label, Path model, int threads, String optimization, int batch) {

    /** The JMH parameters of this side, by name. */
    public Map<String, String> jmhParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(OrtInferenceBenchmark.PARAM_MODEL, ModelRef.file(model).text());
        p.put(OrtInferenceBenchmark.PARAM_FORM, Form.DEPLOY.id()); // ignored for a file, set so both commands record the same params
        p.put(OrtInferenceBenchmark.PARAM_PROVIDER, Provider.CPU.cliName());
        p.put(OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS, Integer.toString(threads));
        p.put(OrtInferenceBenchmark.PARAM_OPT_LEVEL, optimization);
        p.put(OrtInferenceBenchmark.PARAM_BATCH, Integer.toString(batch));
        return p;
    }

    /** "A: base.onnx (threads 1, opt all, batch 1)". */
    public String describe() {
        return label + ": " + model.getFileName() + " (threads " + threads + ", opt " + optimization + ", batch " + batch + ")";
    }
}
