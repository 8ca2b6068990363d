package org.blockbench.ort;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import org.blockbench.BadInputException;

/** ONNX Runtime graph optimisation levels, by their command-line names. */
public enum OptimizationLevel {
    /** No graph rewrites. */
    NONE("none", OptLevel.NO_OPT),
    /** Constant folding, redundant node elimination. */
    BASIC("basic", OptLevel.BASIC_OPT),
    /** Basic plus complex node fusions. */
    EXTENDED("extended", OptLevel.EXTENDED_OPT),
    /** Everything, including layout optimisations (ONNX Runtime's default). */
    ALL("all", OptLevel.ALL_OPT);

    private final String cliName;
    private final OptLevel ortLevel;

    OptimizationLevel(String cliName, OptLevel ortLevel) {
        this.cliName = cliName;
        this.ortLevel = ortLevel;
    }

    /** The name used on the command line and in JMH params. */
    public String cliName() {
        return cliName;
    }

    /** The ONNX Runtime Java constant. */
    public OptLevel ortLevel() {
        return ortLevel;
    }

    /** Parses a command-line name, case-insensitively. */
    public static OptimizationLevel parse(String name) {
        return BadInputException.byName("optimisation level", name, values(), OptimizationLevel::cliName);
    }
}
