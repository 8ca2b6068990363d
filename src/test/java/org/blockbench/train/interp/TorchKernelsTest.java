package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** run.json's record of the kernels: read from LibTorch and OpenBLAS themselves. */
class TorchKernelsTest {

    @Test
    void kernelsNameTheAtenCapabilityOneDnnAndOpenBlas() {
        TorchRuntime.Kernels k = TorchRuntime.kernels();
        assertTrue(List.of("DEFAULT", "AVX2", "AVX512", "ZVECTOR", "VSX", "NEON", "SVE256").contains(k.atenCpuCapability()),
                k.atenCpuCapability());
        // LibTorch 2.10 of the Bytedeco presets is built with oneDNN: "Intel(R) MKL-DNN v3.7.1 (Git Hash …)"
        assertTrue(k.onednn().matches("Intel\\(R\\) MKL-DNN v\\d+\\.\\d+.*|.*\\(oneDNN\\).*"), k.onednn());
        assertTrue(k.blas().matches("OpenBLAS \\(built for \\w+\\)"), k.blas());
    }
}
