package org.blockbench.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.blockbench.BadInputException;

/**
 * The values of {@link OrtInferenceBenchmark}'s {@code @Param} fields, typed: built from the
 * params map of a JMH record ({@link #of}) and turned back into one ({@link #toMap}), so that
 * no class but the benchmark spells a parameter's name. In our own JSON files it is written as
 * this record (snake_case keys: {@code intra_op_threads}, {@code opt_level}).
 *
 * <p>A JMH file written before a parameter existed reads with that parameter's default (deploy,
 * batch 1, cpu, no opt level); the former A/B benchmark named the thread count
 * {@value #LEGACY_THREADS}, which is read as {@code intraOpThreads}.
 *
 * @param model          the {@code model} parameter: a manifest id "Block/position" or an .onnx path
 *                       ({@link org.blockbench.model.ModelRef#parse} reads it)
 * @param form           train, deploy or a deploy variant (int8, fp16)
 * @param batch          batch size
 * @param provider       execution provider (cpu, cuda)
 * @param intraOpThreads ONNX Runtime intra-op threads (0 = ONNX Runtime's default; -1 when not recorded)
 * @param optLevel       graph optimisation level; "" when not recorded
 */
public record OrtBenchmarkParams(String model, String form, int batch, String provider, int intraOpThreads,
                                 String optLevel) {

    /** The former A/B benchmark's name for the intra-op thread count. */
    static final String LEGACY_THREADS = "threads";

    /** Whether a JMH record with these params is of {@link OrtInferenceBenchmark} (it has a {@code model}). */
    public static boolean isOrtBenchmark(Map<String, String> params) {
        return params.containsKey(OrtInferenceBenchmark.PARAM_MODEL);
    }

    /**
     * The params of a JMH record of {@link OrtInferenceBenchmark}.
     *
     * @param params the record's params, by JMH name
     * @param where  the record, as messages name it ("file.json record 3")
     * @throws BadInputException when {@code model} is absent or a number is not an integer
     */
    public static OrtBenchmarkParams of(Map<String, String> params, String where) {
        String model = params.get(OrtInferenceBenchmark.PARAM_MODEL);
        if (model == null) {
            throw new BadInputException(where + " field params: no '" + OrtInferenceBenchmark.PARAM_MODEL
                    + "', so it is not a result of " + OrtInferenceBenchmark.class.getSimpleName());
        }
        return new OrtBenchmarkParams(model, params.getOrDefault(OrtInferenceBenchmark.PARAM_FORM, "deploy"),
                integer(where, OrtInferenceBenchmark.PARAM_BATCH, params.getOrDefault(OrtInferenceBenchmark.PARAM_BATCH, "1")),
                params.getOrDefault(OrtInferenceBenchmark.PARAM_PROVIDER, "cpu"),
                integer(where, OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS, intraOpThreadsText(params).orElse("-1")),
                params.getOrDefault(OrtInferenceBenchmark.PARAM_OPT_LEVEL, ""));
    }

    /**
     * The intra-op thread count as recorded, under its name or the former A/B benchmark's; empty
     * when neither is there. For readers that take any benchmark's records, not only this one's.
     */
    public static Optional<String> intraOpThreadsText(Map<String, String> params) {
        String threads = params.get(OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS);
        return Optional.ofNullable(threads != null ? threads : params.get(LEGACY_THREADS));
    }

    /** The JMH params, by name, in the benchmark's declaration order. */
    public Map<String, String> toMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(OrtInferenceBenchmark.PARAM_MODEL, model);
        p.put(OrtInferenceBenchmark.PARAM_FORM, form);
        p.put(OrtInferenceBenchmark.PARAM_BATCH, Integer.toString(batch));
        p.put(OrtInferenceBenchmark.PARAM_PROVIDER, provider);
        p.put(OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS, Integer.toString(intraOpThreads));
        p.put(OrtInferenceBenchmark.PARAM_OPT_LEVEL, optLevel);
        return p;
    }

    private static int integer(String where, String param, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(where + " field params." + param + ": expected an integer, found '" + value + "'");
        }
    }
}
