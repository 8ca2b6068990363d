package org.blockbench.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions of the software a training run used, for its record; the revision is {@code host.GitCheckout}'s. */
final class Provenance {

    private Provenance() {
    }

    static String pytorchVersion() {
        return "pytorch " + mavenVersion("/META-INF/maven/org.bytedeco/pytorch/pom.properties") + " (Bytedeco presets, CPU)";
    }

    static String onnxRuntimeVersion() {
        try {
            return org.blockbench.ort.OrtBuild.version();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static String blockbenchVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? org.blockbench.onnx.GraphBuilder.PRODUCER_VERSION : v;
    }

    private static String mavenVersion(String resource) {
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
