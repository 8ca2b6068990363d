package org.blockbench.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A directory laid out as the docs expect a BlockBench checkout after {@code mvn package}:
 * {@code target/blockbench.jar} and {@code docs/}, the latter a link to this checkout's own
 * docs (so a script the docs print runs as written, not a copy of it). The jar is a launcher:
 * a manifest whose Class-Path is this test JVM's class path, so {@code java -jar} and JMH's
 * forks of it run the classes under test before the package phase has built the real jar.
 * The native cache is found as the real jar finds it, beside {@code target/classes}.
 */
public final class Checkout {

    private Checkout() {
    }

    /** Lays out {@code root} and returns it. */
    public static Path create(Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("target"));
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.blockbench.cli.BlockBench");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(target.resolve("blockbench.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Files.createSymbolicLink(root.resolve("docs"), Path.of("docs").toAbsolutePath());
        return root;
    }
}
