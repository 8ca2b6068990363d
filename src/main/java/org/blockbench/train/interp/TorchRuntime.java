package org.blockbench.train.interp;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Process-wide set-up of LibTorch, done before any Bytedeco class loads.
 *
 * <p>The build unpacks the native jars into {@code target/javacpp-cache} (see pom.xml), in the
 * layout JavaCPP's {@code Loader} looks up. {@link #initialize()} points
 * {@value #CACHE_DIR_PROPERTY} at that directory, found beside the BlockBench jar (or beside
 * {@code target/classes} when run from the build tree), so that no run ever extracts libtorch
 * on first start. A value the user set on the command line wins.
 *
 * <p>This class must not touch any {@code org.bytedeco} class in its static initialiser, or
 * the cache would be chosen before we set it.
 */
public final class TorchRuntime {

    /** The JavaCPP system property naming its cache directory. */
    public static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** The directory name, next to the jar (or to target/classes), that the build fills. */
    public static final String CACHE_DIR_NAME = "javacpp-cache";

    private static boolean initialized;

    private TorchRuntime() {
    }

    /**
     * Sets the JavaCPP cache directory, once per process. Call before the first use of LibTorch;
     * later calls do nothing.
     */
    public static synchronized void initialize() {
        if (initialized) {
            return;
        }
        initialized = true;
        if (System.getProperty(CACHE_DIR_PROPERTY) != null) {
            return;
        }
        Optional<Path> cache = bundledCache();
        if (cache.isPresent()) {
            System.setProperty(CACHE_DIR_PROPERTY, cache.get().toString());
        } else {
            System.err.println("blockbench: warning: no prebuilt native cache (" + CACHE_DIR_NAME
                    + ") beside the BlockBench classes; LibTorch will be extracted to ~/.javacpp/cache."
                    + " Build with 'mvn package' or set -D" + CACHE_DIR_PROPERTY + "=DIR");
        }
    }

    /**
     * Sets the number of threads LibTorch computes with (1 gives bit-reproducible runs): its
     * intra-op pool and the OpenBLAS pool its matrix products run on. {@code set_num_threads}
     * alone leaves OpenBLAS with one busy-waiting thread per core, and two single-threaded
     * training processes on two cores then ran 5.5× slower each than one alone (measured:
     * SelfAttention/early, 131 s against 24 s an epoch).
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        initialize();
        org.bytedeco.pytorch.global.torch.set_num_threads(threads);
        org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(threads);
    }

    /**
     * The kernels LibTorch and OpenBLAS run on this machine: ATen's CPU capability (the vector
     * level its kernels were dispatched to), the oneDNN line of LibTorch's build configuration,
     * and OpenBLAS with the core it was built for. Results are bit-identical only where these
     * and the CPU are the same.
     */
    public static Kernels kernels() {
        initialize();
        String capability = org.bytedeco.pytorch.global.torch.get_cpu_capability().getString().trim();
        String config = org.bytedeco.pytorch.global.torch.show_config().getString();
        // "  - Intel(R) MKL-DNN v3.7.1 (Git Hash …)": the version line, not the build-settings line that names USE_MKLDNN
        String onednn = config.lines().map(String::trim).map(l -> l.startsWith("- ") ? l.substring(2) : l)
                .filter(l -> l.startsWith("Intel(R) MKL-DNN") || l.contains("(oneDNN)")).findFirst().orElse("absent");
        // the core OpenBLAS was compiled for; with DYNAMIC_ARCH it picks a faster one at run time, which it does not expose here
        String blas = "OpenBLAS (built for " + org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_CHAR_CORENAME + ")";
        return new Kernels(capability, onednn, blas);
    }

    /**
     * The numeric kernels a run used, which decide its last bits (run.json's {@code provenance.kernels}).
     *
     * @param atenCpuCapability the vector level ATen dispatched its CPU kernels to ({@code DEFAULT}, {@code AVX2}, {@code AVX512})
     * @param onednn            LibTorch's oneDNN (MKL-DNN) build line from its configuration, or "absent"
     * @param blas              the BLAS library and the core it was built for
     */
    public record Kernels(String atenCpuCapability, String onednn, String blas) {
    }

    /** The cache the build filled, if it exists: {@code <dir of jar>/javacpp-cache}. */
    static Optional<Path> bundledCache() {
        return org.blockbench.io.BuildOutputs.besideClasses(CACHE_DIR_NAME);
    }
}
