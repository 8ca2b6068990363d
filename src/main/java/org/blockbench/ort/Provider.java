package org.blockbench.ort;

import ai.onnxruntime.OrtProvider;
import org.blockbench.BadInputException;

/** The execution providers a benchmark may ask for, by their command-line names. */
public enum Provider {
    /** ONNX Runtime's default CPU execution provider. */
    CPU("cpu", OrtProvider.CPU, "CPUExecutionProvider"),
    /** NVIDIA CUDA; needs the {@code onnxruntime_gpu} build (mvn -Pcuda) and a CUDA device. */
    CUDA("cuda", OrtProvider.CUDA, "CUDAExecutionProvider");

    private final String cliName;
    private final OrtProvider ortProvider;
    private final String executionProviderName;

    Provider(String cliName, OrtProvider ortProvider, String executionProviderName) {
        this.cliName = cliName;
        this.ortProvider = ortProvider;
        this.executionProviderName = executionProviderName;
    }

    /** The name used on the command line and in JMH params ("cpu", "cuda"). */
    public String cliName() {
        return cliName;
    }

    /** The ONNX Runtime Java enum constant. */
    public OrtProvider ortProvider() {
        return ortProvider;
    }

    /** The name ONNX Runtime gives this provider in profiles ("CUDAExecutionProvider"). */
    public String executionProviderName() {
        return executionProviderName;
    }

    /** Parses a command-line name, case-insensitively. */
    public static Provider parse(String name) {
        return BadInputException.byName("provider", name, values(), Provider::cliName);
    }
}
