package org.blockbench.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Path;
import java.util.List;

/** Facts about the ONNX Runtime build on the classpath, for error messages and run metadata. */
public final class OrtBuild {

    static {
        org.blockbench.ort.OrtNatives.initialize();
    }

    private OrtBuild() {
    }

    /** ONNX Runtime's version string ("1.22.0"). */
    public static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    /** The jar ONNX Runtime was loaded from ("onnxruntime-1.22.0.jar", "onnxruntime_gpu-1.22.0.jar"). */
    public static String artifact() {
        try {
            var source = OrtEnvironment.class.getProtectionDomain().getCodeSource();
            return source == null ? "unknown" : Path.of(source.getLocation().toURI()).getFileName().toString();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The execution providers this build offers, by ONNX Runtime's names. */
    public static List<String> availableProviderNames() {
        return OrtEnvironment.getAvailableProviders().stream().map(OrtProvider::getName).sorted().toList();
    }

    /** "onnxruntime-1.22.0.jar, ONNX Runtime 1.22.0". */
    public static String describe() {
        return artifact() + ", ONNX Runtime " + version();
    }
}
