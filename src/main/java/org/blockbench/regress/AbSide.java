package org.blockbench.regress;

import java.nio.file.Path;
import java.util.Map;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
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
        // form is ignored for a file, set so that both commands record the same params
        return new OrtBenchmarkParams(ModelRef.file(model).text(), Form.DEPLOY.id(), batch, Provider.CPU.cliName(), threads,
                optimization).toMap();
    }

    /** "A: base.onnx (threads 1, opt all, batch 1)". */
    public String describe() {
        return label + ": " + model.getFileName() + " (threads " + threads + ", opt " + optimization + ", batch " + batch + ")";
    }
}
