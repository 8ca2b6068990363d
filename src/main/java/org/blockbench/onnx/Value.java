package org.blockbench.onnx;

/**
 * A named value in a graph under construction: a graph input, an initializer or a node
 * output. A value belongs to the {@link GraphBuilder} that made it; passing it to another
 * builder is rejected.
 *
 * @param name  the ONNX value name, unique in its graph
 * @param owner the builder that created it
 */
public record Value(String name, GraphBuilder owner) {

    @Override
    public String toString() {
        return name;
    }
}
