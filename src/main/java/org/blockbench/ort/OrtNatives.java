package org.blockbench.ort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.io.BuildOutputs;

/**
 * Process-wide set-up of ONNX Runtime's native libraries, done before ONNX Runtime loads.
 *
 * <p>Left alone, ONNX Runtime Java copies its libraries into a fresh
 * {@code <java.io.tmpdir>/onnxruntime-java*} directory in every JVM and deletes it only at a
 * normal exit: each killed JMH fork or child JVM left one behind (777 directories, 165 MB after
 * a day's sweeps). The build unpacks the libraries once into {@code target/}{@value #DIR_NAME}
 * (pom.xml); {@link #initialize()} points {@value #PATH_PROPERTY} there, so they are loaded in
 * place. ONNX Runtime still creates its (then empty) temporary directory; the JVMs we start
 * therefore get a {@code java.io.tmpdir} of ours that we delete ({@link #tmpdirArgument}).
 * A value the user set on the command line wins.
 *
 * <p>This class must not touch any {@code ai.onnxruntime} class, or the libraries would be
 * chosen before we set the property. Every class of ours that reaches ONNX Runtime first calls
 * {@link #initialize()} in its static initialiser.
 */
public final class OrtNatives {

    /** ONNX Runtime Java's system property naming the directory its libraries are loaded from. */
    public static final String PATH_PROPERTY = "onnxruntime.native.path";
    /** The directory name, next to the jar (or to target/classes), that the build fills. */
    public static final String DIR_NAME = "onnxruntime-native";
    /** The prefix of the temporary directory ONNX Runtime Java creates in every JVM. */
    public static final String TEMP_PREFIX = "onnxruntime-java";

    private static boolean initialized;

    private OrtNatives() {
    }

    /** Sets {@value #PATH_PROPERTY}, once per process; later calls do nothing. */
    public static synchronized void initialize() {
        if (initialized) {
            return;
        }
        initialized = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        bundled().ifPresent(dir -> System.setProperty(PATH_PROPERTY, dir.toString()));
    }

    /** The directory the build filled, if it holds ONNX Runtime's library. */
    static Optional<Path> bundled() {
        return BuildOutputs.besideClasses(DIR_NAME)
                .filter(dir -> Files.isRegularFile(dir.resolve(System.mapLibraryName("onnxruntime"))));
    }

    /**
     * {@code -Djava.io.tmpdir=DIR} for a JVM we start: whatever it leaves in its temporary
     * directory (ONNX Runtime's, if killed) lands in {@code dir}, which the caller deletes.
     */
    public static String tmpdirArgument(Path dir) {
        return "-Djava.io.tmpdir=" + dir.toAbsolutePath();
    }
}
