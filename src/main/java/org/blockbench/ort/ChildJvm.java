package org.blockbench.ort;

import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blockbench.host.BoundedProcess;
import org.blockbench.io.ScratchDirectory;

/**
 * Runs ONNX Runtime work on a user's model in a child JVM, where a native crash or a hang
 * costs that one model or config, not the process that owns the sweep. The child is the same
 * {@code java} binary ({@code java.home}) on the same class path; the request and the answer
 * travel as serialized objects through files. On return the child's answer comes back (an
 * exception thrown in the child is rethrown here, type and message intact); if the child
 * dies, or runs past {@code limit} (then {@link BoundedProcess} kills it and what it started),
 * the call fails with a one-line {@link OrtCallException}: "ONNX Runtime crashed (signal 11,
 * SIGSEGV) on X" or "ONNX Runtime timed out after N s on X".
 */
public final class ChildJvm {

    /**
     * The work a child runs. Implementations are public classes with a public no-argument
     * constructor; request and answer must be serializable.
     */
    public interface Task<A extends Serializable, R extends Serializable> {
        /** Runs in the child JVM. */
        R run(A request);
    }

    private static final Pattern SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x([0-9a-fA-F]+)\\)");
    private static final long SIGNAL_EXIT_BASE = 128;

    private ChildJvm() {
    }

    /**
     * Runs {@code task} on {@code request} in a child JVM and returns its answer.
     *
     * @param subject what the task works on, for messages (a model file, a config key)
     * @param limit   wall-clock limit, JVM start included
     */
    public static <A extends Serializable, R extends Serializable> R call(Class<? extends Task<A, R>> task, A request,
                                                                          String subject, Duration limit) {
        try (ScratchDirectory scratch = ScratchDirectory.create("blockbench-child")) {
            return callIn(scratch.path(), task, request, subject, limit);
        }
    }

    private static <A extends Serializable, R extends Serializable> R callIn(Path dir, Class<? extends Task<A, R>> task,
                                                                             A request, String subject, Duration limit) {
        Path requestFile = dir.resolve("request.ser");
        Path answerFile = dir.resolve("answer.ser");
        Path log = dir.resolve("child.log");
        writeObject(requestFile, new Object[] {task.getName(), request});
        List<String> command = launcher(ChildJvm.class.getName());
        String java = command.get(0);
        command.addAll(1, List.of("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash",
                OrtNatives.tmpdirArgument(dir)));
        command.addAll(List.of(
                requestFile.toString(), answerFile.toString()));
        // the runner kills the child at the limit, and with this JVM when a Ctrl-C or a kill stops it
        BoundedProcess.Result ran = new BoundedProcess(command, new BoundedProcess.Output.ToFile(log)).run(limit);
        switch (ran.status()) {
            case NOT_STARTED -> throw new IllegalStateException("cannot start a child JVM (" + java + "): " + ran.output());
            case INTERRUPTED -> throw new OrtCallException("interrupted while ONNX Runtime ran on " + subject + " in a child JVM");
            case TIMED_OUT -> throw new OrtCallException("ONNX Runtime timed out after " + BoundedCall.seconds(limit) + " s on "
                    + subject);
            case EXITED -> {
            }
        }
        int status = ran.exitCode();
        if (status != 0 || !Files.isRegularFile(answerFile)) {
            throw new OrtCallException(death(status, readQuietly(log)) + " on " + subject);
        }
        Object[] answer = (Object[]) readObject(answerFile);
        if (answer[0] instanceof Throwable thrown) {
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("child JVM task failed on " + subject, thrown);
        }
        @SuppressWarnings("unchecked")
        R result = (R) answer[0];
        return result;
    }

    /**
     * {@code java} of this JVM, headless, with the native libraries' properties (ONNX Runtime's,
     * Bytedeco's cache) as they reached us, on this class path, running {@code mainClass}: the one
     * way this project starts a child JVM.
     */
    public static List<String> launcher(String mainClass) {
        OrtNatives.initialize();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true"));
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("onnxruntime.") || k.startsWith("org.bytedeco."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    /** "ONNX Runtime crashed (signal 11, SIGSEGV)", from the JVM's crash banner or the exit status. */
    static String death(int status, String log) {
        Matcher m = SIGNAL.matcher(log);
        if (m.find()) {
            return "ONNX Runtime crashed (signal " + Long.parseLong(m.group(2), 16) + ", " + m.group(1) + ")";
        }
        if (status > SIGNAL_EXIT_BASE) {
            return "ONNX Runtime crashed (signal " + (status - SIGNAL_EXIT_BASE) + ")";
        }
        return "the child JVM running ONNX Runtime exited with status " + status + " without an answer";
    }

    /** Child entry point: {@code ChildJvm REQUEST_FILE ANSWER_FILE}. */
    public static void main(String[] args) throws Exception {
        OrtNatives.initialize();
        Object[] request = (Object[]) readObject(Path.of(args[0]));
        Object answer;
        try {
            @SuppressWarnings("unchecked")
            Task<Serializable, Serializable> task = (Task<Serializable, Serializable>) Class.forName((String) request[0])
                    .getConstructor().newInstance();
            answer = task.run((Serializable) request[1]);
        } catch (RuntimeException | Error e) {
            answer = e;
        }
        try {
            writeObject(Path.of(args[1]), new Object[] {answer});
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NotSerializableException)) {
                throw e;
            }
            // an answer that cannot travel is reported by its message, which is what the parent prints
            String text = answer instanceof Throwable t ? t.getClass().getName() + ": " + t.getMessage() : String.valueOf(answer);
            writeObject(Path.of(args[1]), new Object[] {new IllegalStateException(text)});
        }
        System.exit(0);
    }

    private static void writeObject(Path file, Object value) {
        try (OutputStream raw = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object readObject(Path file) {
        try (InputStream raw = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(raw)) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
