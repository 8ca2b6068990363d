package org.blockbench.bench;

import org.blockbench.zoo.Form;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.ort.SessionSettings;
import org.blockbench.onnx.OnnxModelFile;

/**
 * One point of a sweep: one JMH benchmark run of {@link OrtInferenceBenchmark} with these
 * parameter values.
 *
 * @param model          manifest id ({@code Block/position}) or absolute {@code .onnx} path
 * @param form           train or deploy graph
 * @param batch          batch size fed (the model's symbolic batch dimension)
 * @param provider       execution provider asked for
 * @param intraOpThreads ONNX Runtime intra-op threads (0 = ONNX Runtime's default)
 * @param optLevel       graph optimisation level
 */
public record BenchConfig(String model, Form form, int batch, Provider provider, int intraOpThreads,
                          OptimizationLevel optLevel) {

    public BenchConfig {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, found " + batch);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, found " + intraOpThreads);
        }
    }

    /** The values of the benchmark's {@code @Param} fields, in declaration order. */
    public Map<String, String> jmhParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(OrtInferenceBenchmark.PARAM_MODEL, model);
        p.put(OrtInferenceBenchmark.PARAM_FORM, form.id());
        p.put(OrtInferenceBenchmark.PARAM_BATCH, Integer.toString(batch));
        p.put(OrtInferenceBenchmark.PARAM_PROVIDER, provider.cliName());
        p.put(OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS, Integer.toString(intraOpThreads));
        p.put(OrtInferenceBenchmark.PARAM_OPT_LEVEL, optLevel.cliName());
        return p;
    }

    /** Reads a config back from JMH params (as found in a result file); fails on missing or bad values. */
    public static BenchConfig fromJmhParams(Map<String, String> params) {
        return new BenchConfig(required(params, OrtInferenceBenchmark.PARAM_MODEL),
                Form.parse(required(params, OrtInferenceBenchmark.PARAM_FORM)),
                Integer.parseInt(required(params, OrtInferenceBenchmark.PARAM_BATCH)),
                Provider.parse(required(params, OrtInferenceBenchmark.PARAM_PROVIDER)),
                Integer.parseInt(required(params, OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS)),
                OptimizationLevel.parse(required(params, OrtInferenceBenchmark.PARAM_OPT_LEVEL)));
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("JMH params lack '" + name + "': " + params);
        }
        return v;
    }

    /** Session settings for this config, without profiling. */
    public SessionSettings sessionSettings() {
        return new SessionSettings(provider, intraOpThreads, optLevel);
    }

    /**
     * A file-name-safe key, unique per config and stable across machines:
     * {@code ResNetBasicBlock-early.deploy.b1.cpu.t1.all}. A file model's key uses its file
     * name plus 8 hex digits of the SHA-256 of its full path.
     */
    public String key() {
        return modelKey() + "." + form.id() + ".b" + batch + "." + provider.cliName() + ".t" + intraOpThreads
                + "." + optLevel.cliName();
    }

    private String modelKey() {
        if (!model.endsWith(".onnx")) {
            String key = model.replace('/', '-');
            if (VERBATIM.matcher(model).matches()) {
                return key;
            }
            // sanitising is not injective (My.Block and My_Block): a sanitised id carries 8 hex digits of
            // its own SHA-256, a verbatim one never ends so (its last part is a position)
            return sanitize(key) + "-" + OnnxModelFile.sha256(model.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        }
        String name = model.substring(Math.max(model.lastIndexOf('/'), model.lastIndexOf('\\')) + 1);
        String hash = OnnxModelFile.sha256(model.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return sanitize(name.substring(0, name.length() - ".onnx".length())) + "-" + hash;
    }

    /** A manifest id kept as it is in keys: a block name of letters and digits, a position of letters, digits and '-'. */
    private static final java.util.regex.Pattern VERBATIM = java.util.regex.Pattern.compile("[A-Za-z0-9]+/[a-z0-9-]+");

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
