package org.blockbench.analysis.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.blockbench.analysis.AnalysisJson;
import org.blockbench.analysis.Conventions;

/**
 * NeuroBench data metrics of one model over a set of input samples ({@link Conventions#DATA}).
 *
 * @param samples     inference runs measured
 * @param inputSource where the inputs came from, in words
 * @param activations per activation operator, zero and total outputs summed over the samples
 * @param layers      per MAC layer, dense and effective MACs summed over the samples
 * @param notMeasured MAC layers whose effective MACs could not be measured, with the reason
 */
public record DataMetricsReport(int samples, String inputSource, List<ActivationSparsity> activations,
                                List<LayerMacs> layers, List<String> notMeasured) implements java.io.Serializable {

    public DataMetricsReport {
        activations = List.copyOf(activations);
        layers = List.copyOf(layers);
        notMeasured = List.copyOf(notMeasured);
    }

    /**
     * One activation operator.
     *
     * @param node     the node producing the activation output
     * @param kind     op type, or "Gelu(erf)"
     * @param zeros    zero outputs over all samples
     * @param elements all outputs over all samples
     */
    public record ActivationSparsity(String node, String kind, long zeros, long elements) implements java.io.Serializable {
        public double sparsity() {
            return elements == 0 ? 0 : (double) zeros / elements;
        }
    }

    /**
     * One MAC layer.
     *
     * @param node          node name
     * @param opType        Conv, ConvTranspose, Gemm or MatMul
     * @param denseMacs     static MACs times samples
     * @param effectiveMacs MACs with both operands non-zero, over all samples
     */
    public record LayerMacs(String node, String opType, long denseMacs, long effectiveMacs) implements java.io.Serializable {
    }

    public long activationZeros() {
        return activations.stream().mapToLong(ActivationSparsity::zeros).sum();
    }

    public long activationElements() {
        return activations.stream().mapToLong(ActivationSparsity::elements).sum();
    }

    /** Zero activation outputs over all activation outputs; null without activation operators. */
    public Double activationSparsity() {
        long all = activationElements();
        return all == 0 ? null : (double) activationZeros() / all;
    }

    public long denseMacs() {
        return layers.stream().mapToLong(LayerMacs::denseMacs).sum();
    }

    public long effectiveMacs() {
        return layers.stream().mapToLong(LayerMacs::effectiveMacs).sum();
    }

    /** Mean effective MACs per sample, three decimals. */
    public BigDecimal effectiveMacsPerSample() {
        return BigDecimal.valueOf(effectiveMacs()).divide(BigDecimal.valueOf(Math.max(1, samples)), 3, RoundingMode.HALF_EVEN);
    }

    /** The JSON tree, to sit under "data" in an analysis. */
    public SortedMap<String, Object> tree() {
        List<Object> acts = new ArrayList<>();
        for (ActivationSparsity a : activations) {
            acts.add(AnalysisJson.map("node", a.node(), "kind", a.kind(), "zeros", a.zeros(), "elements", a.elements(),
                    "sparsity", AnalysisJson.ratio(a.sparsity())));
        }
        List<Object> ls = new ArrayList<>();
        for (LayerMacs l : layers) {
            ls.add(AnalysisJson.map("node", l.node(), "op_type", l.opType(), "dense_macs", l.denseMacs(),
                    "effective_macs", l.effectiveMacs(), "effective_ratio",
                    AnalysisJson.ratio(l.denseMacs() == 0 ? 0.0 : (double) l.effectiveMacs() / l.denseMacs())));
        }
        long dense = denseMacs();
        return AnalysisJson.map("convention", Conventions.DATA, "samples", samples, "input_source", inputSource,
                "activation_sparsity", AnalysisJson.ratio(activationSparsity()),
                "activation_zeros", activationZeros(), "activation_elements", activationElements(),
                "dense_macs_sum", dense, "effective_macs_sum", effectiveMacs(),
                "dense_macs_per_sample", dense / Math.max(1, samples),
                "effective_macs_per_sample", effectiveMacsPerSample(),
                "effective_mac_ratio", AnalysisJson.ratio(dense == 0 ? null : (double) effectiveMacs() / dense),
                "activations", acts, "layers", ls, "not_measured", notMeasured);
    }
}
