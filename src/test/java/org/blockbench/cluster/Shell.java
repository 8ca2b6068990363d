package org.blockbench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end within a time limit, its stdout and stderr together. */
public final class Shell {

    private Shell() {
    }

    /**
     * What a command did.
     *
     * @param exit   its exit status (-1 when it was killed at the limit)
     * @param output stdout and stderr, interleaved
     */
    public record Result(int exit, String output) {
    }

    /**
     * Runs {@code command} in {@code cwd} with {@code env} added to this JVM's environment; kills
     * it (and its descendants) at {@code limit}. Output goes through a file, so a daemon the
     * command leaves behind cannot keep a pipe open and hang the wait.
     */
    public static Result run(Path cwd, Map<String, String> env, Duration limit, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("blockbench-shell-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(killed after " + limit.toSeconds() + " s)");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
