package org.blockbench.zoo;

import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.Value;

/**
 * What a block needs while it emits itself: the graph under construction, the form being
 * built, and where parameter values come from. Parameter names are qualified by the graph's
 * current scope.
 */
public final class ModelContext {

    private final GraphBuilder graph;
    private final Form form;
    private final ParameterSource parameters;

    public ModelContext(GraphBuilder graph, Form form, ParameterSource parameters) {
        this.graph = graph;
        this.form = form;
        this.parameters = parameters;
    }

    public GraphBuilder graph() {
        return graph;
    }

    public Form form() {
        return form;
    }

    public boolean deploy() {
        return form == Form.DEPLOY;
    }

    /** The value of parameter {@code scope.localName}, without adding it to the graph. */
    public FloatTensor value(String localName, ParameterRole role, long fanIn, long... shape) {
        String path = graph.scopePath();
        return parameters.get(path.isEmpty() ? localName : path + "." + localName, role, fanIn, shape);
    }

    /** Adds parameter {@code scope.localName} to the graph with its source value. */
    public Value parameter(String localName, ParameterRole role, long fanIn, long... shape) {
        return graph.parameter(localName, value(localName, role, fanIn, shape));
    }

    /** Adds a computed tensor (a fused kernel, say) to the graph as parameter {@code scope.localName}. */
    public Value store(String localName, FloatTensor tensor) {
        return graph.parameter(localName, tensor);
    }
}
