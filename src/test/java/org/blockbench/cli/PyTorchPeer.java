package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PyTorch (/usr/bin/python3) as the tests' reference: present, or the test is skipped,
 * unless BLOCKBENCH_REQUIRE_TORCH is set (.ci/run sets it), when its absence fails the test.
 */
final class PyTorchPeer {

    static final String PYTHON = "/usr/bin/python3";

    private PyTorchPeer() {
    }

    /** Skips (or fails) without {@code modules}; copies the resources {@code /pytorch/<file>} into {@code dir}. */
    static void require(Path dir, String modules, String... files) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && python(Path.of("."), "-c", "import " + modules) == 0;
        if (!present) {
            String why = PYTHON + " cannot import " + modules + " (apt-get install python3-torch python3-torchvision"
                    + " python3-onnx; .ci/run does)";
            if (System.getenv("BLOCKBENCH_REQUIRE_TORCH") != null) {
                fail(why + ", and BLOCKBENCH_REQUIRE_TORCH is set");
            }
            Assumptions.abort(why);
        }
        for (String f : files) {
            try (InputStream in = PyTorchPeer.class.getResourceAsStream("/pytorch/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    /** Runs {@code python3 args} in {@code cwd} (10 min at most); its output goes to stderr when it fails. */
    static int python(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("python", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BLOCKBENCH_TOOLS", Path.of("tools").toAbsolutePath().toString());
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("python timed out: " + command);
        }
        if (p.exitValue() != 0 && args.length > 0 && !args[0].equals("-c")) {
            System.err.println(String.join(" ", command) + "\n" + Files.readString(log));
        }
        Files.deleteIfExists(log);
        return p.exitValue();
    }

    /** A little-endian float32 file, as numpy's tofile writes it. */
    static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(v);
        return v;
    }
}
