package org.blockbench.analysis;

import static org.blockbench.analysis.RawGraph.i;
import static org.blockbench.analysis.RawGraph.is;
import static org.blockbench.analysis.RawGraph.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.blockbench.analysis.shape.ShapeInference;
import org.junit.jupiter.api.Test;

/** The all-operator FLOP rules of docs/protocol.md §Counting, by hand, and the promise that every shaped op has a cost rule. */
class OpCostsTest {

    @Test
    void everyOperatorWithAShapeRuleHasACostRule() {
        assertEquals(ShapeInference.supportedOps(), OpCosts.supported());
    }

    @Test
    void perElementRules() {
        // x [1,2,6,6] = 72 elements
        GraphAnalysis a = GraphAnalyzer.analyze(new RawGraph().input("x", 1, 2, 6, 6)
                .node("Relu", List.of("x"), List.of("r"))
                .node("Sigmoid", List.of("r"), List.of("sg"))
                .node("Tanh", List.of("sg"), List.of("th"))
                .node("HardSwish", List.of("th"), List.of("hs"))
                .node("MaxPool", List.of("hs"), List.of("mp"), is("kernel_shape", 2, 2), is("strides", 2, 2))
                .node("AveragePool", List.of("mp"), List.of("ap"), is("kernel_shape", 3, 3))
                .node("GlobalAveragePool", List.of("x"), List.of("gap"))
                .node("Softmax", List.of("x"), List.of("sm"))
                .node("Resize", List.of("x", "", "sc"), List.of("rz"), s("mode", "linear"))
                .node("Resize", List.of("x", "", "sc"), List.of("rn"), s("mode", "nearest"))
                .node("Flatten", List.of("x"), List.of("fl"), i("axis", 1))
                .floats("sc", 1f, 4)
                .output("ap").output("gap").output("sm").output("rz").output("rn").output("fl")
                .build(17), "rules", Map.of());
        // sc is a constant (Resize scales), not a parameter
        assertEquals(0, a.params().elements());
        long[] flops = a.nodes().stream().mapToLong(NodeCost::flopsAllOperator).toArray();
        // Relu 1, Sigmoid 4, Tanh 5, HardSwish 5 per element
        assertEquals(72, flops[0]);
        assertEquals(4 * 72, flops[1]);
        assertEquals(5 * 72, flops[2]);
        assertEquals(5 * 72, flops[3]);
        // MaxPool: output elements 2x3x3 = 18
        assertEquals(18, flops[4]);
        // AveragePool 3x3 on 3x3 -> 1x1: (9 + 1) x 2 outputs
        assertEquals(20, flops[5]);
        // GlobalAveragePool: (36 + 1) x 2 outputs
        assertEquals(74, flops[6]);
        // Softmax 3 per element
        assertEquals(3 * 72, flops[7]);
        // Resize with unit scales: no axis is interpolated, so 2*2^0 - 1 = 1 per output for linear, 0 for nearest
        assertEquals(72, flops[8]);
        assertEquals(0, flops[9]);
        assertEquals(0, flops[10]);
    }
}
