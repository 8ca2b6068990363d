package org.blockbench.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Directories the build fills beside the BlockBench classes ({@code target/javacpp-cache},
 * {@code target/onnxruntime-native}): found next to {@code target/blockbench.jar}, or next to
 * {@code target/classes} when run from the build tree. The one lookup both native runtimes use.
 */
public final class BuildOutputs {

    private BuildOutputs() {
    }

    /** {@code <directory of the BlockBench classes>/name}, if it is a directory. */
    public static Optional<Path> besideClasses(String name) {
        return classesDirectory().map(dir -> dir.resolve(name).toAbsolutePath().normalize()).filter(Files::isDirectory);
    }

    /** The directory holding the BlockBench classes ({@code target/} for {@code target/blockbench.jar} and {@code target/classes/}). */
    public static Optional<Path> classesDirectory() {
        CodeSource source = BuildOutputs.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        // target/blockbench.jar -> target/; target/classes/ -> target/
        Path dir = location.getParent();
        if (dir == null) {
            return Optional.empty();
        }
        return Optional.of(dir.toAbsolutePath().normalize());
    }
}
