package org.blockbench.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Software and machine facts for run records. */
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

    /** {@code git rev-parse HEAD} in the working directory, or "unknown". */
    static String gitRevision() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
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
