package org.blockbench.ort;

/**
 * Who made the model ONNX Runtime is given, which decides whom a failure blames: a file the
 * user supplied (a rejection is bad input) or a graph BlockBench built itself (zoo export,
 * training), where a rejection is a defect in BlockBench.
 */
public enum ModelOrigin {
    /** A model file or graph the user gave. */
    USER,
    /** A graph BlockBench built (zoo export, a trained network it wrote). */
    BLOCKBENCH
}
