package org.blockbench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The child JVM that runs a batch of cases in-process, so that a native crash in the product
 * kills this process and not the test. Before each case it appends a {@code start} line to the
 * journal (unbuffered, so the line is on disk when the case crashes the JVM); after the case an
 * {@code end} line with the exit code and the broken rules. A case that outlives its time
 * limit is recorded as a hang and the driver halts ({@value #HALT_AFTER_HANG}): the stuck thread
 * cannot be stopped, the campaign starts a new driver after it.
 *
 * <pre>FuzzDriver --seed S --targets analyze,compare --from 0 --to 100 --stride 5 --phase 0
 *        --root DIR --journal FILE --failures DIR --limit-ms 10000</pre>
 *
 * runs the indices {@code i} in [from, to) with {@code i % stride == phase}.
 */
public final class FuzzDriver {

    /** The driver's exit code after it recorded a hang. */
    public static final int HALT_AFTER_HANG = 97;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzDriver() {
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        List<Target> targets = Arrays.stream(a.get("--targets").split(",")).map(Target::byLabel).toList();
        Path root = Path.of(a.get("--root"));
        Files.createDirectories(root);
        CaseFactory factory = new CaseFactory(root, Long.parseLong(a.get("--seed")), targets);
        Path failures = Path.of(a.get("--failures"));
        long limitMs = Long.parseLong(a.get("--limit-ms"));
        int stride = Integer.parseInt(a.get("--stride"));
        int phase = Integer.parseInt(a.get("--phase"));
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        try (OutputStream journal = new FileOutputStream(a.get("--journal"), true);
             Canary canary = Canary.create(factory.root())) {
            if (!canary.atimeWorks()) {
                throw new IllegalStateException("reads do not update access times under " + root
                        + " (noatime mount?); the regular-file canary cannot work there; use another --out");
            }
            Path cwd = Path.of("").toAbsolutePath();
            if (cwd.startsWith(root.toAbsolutePath())) {
                factory.links(cwd);
            }
            // the targets this driver will run, each warmed up once outside the time limit
            TargetRunner.warmUp(stride == targets.size() ? List.of(targets.get(phase)) : targets, factory);
            for (int i = Integer.parseInt(a.get("--from")); i < Integer.parseInt(a.get("--to")); i++) {
                if (i % stride != phase) {
                    continue;
                }
                FuzzCase c = factory.make(i);
                write(journal, startLine(c));
                canary.arm();
                Future<Outcome> f = worker.submit(() -> TargetRunner.run(c));
                Outcome o;
                boolean hung = false;
                try {
                    o = f.get(limitMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    hung = true;
                    o = new Outcome(-1, "", "", "", limitMs);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the harness failed on " + c.id(), e.getCause());
                }
                List<Violation> v = new ArrayList<>(hung ? List.of() : Oracle.judge(c, o, canary.disarm()));
                if (hung) {
                    Canary.Evidence e = canary.disarm();
                    v.add(new Violation(Oracle.HANG, "no result after " + limitMs + " ms"));
                    if (e.touched()) {
                        v.add(new Violation(Oracle.OUTSIDE_OPEN, "a file outside the model's directory was opened: " + e));
                    }
                }
                if (!v.isEmpty()) {
                    keep(c, v, o, failures);
                }
                write(journal, endLine(c, o, v, hung));
                FuzzFiles.deleteTree(c.dir());
                if (hung) {
                    Runtime.getRuntime().halt(HALT_AFTER_HANG);
                }
            }
        }
        worker.shutdownNow();
        System.exit(0);
    }

    private static ObjectNode startLine(FuzzCase c) {
        ObjectNode n = JSON.createObjectNode().put("event", "start").put("index", c.index()).put("id", c.id())
                .put("target", c.target().label()).put("seedInput", c.seedInput()).put("command", c.command())
                .put("dir", c.dir().toString());
        c.mutations().forEach(n.putArray("mutations")::add);
        return n;
    }

    private static ObjectNode endLine(FuzzCase c, Outcome o, List<Violation> v, boolean hung) {
        ObjectNode n = JSON.createObjectNode().put("event", "end").put("index", c.index()).put("id", c.id())
                .put("exit", hung ? -1 : o.exitCode()).put("millis", o.millis()).put("hung", hung)
                .put("stderr", Oracle.firstLine(o.stderr()));
        var arr = n.putArray("violations");
        v.forEach(x -> arr.addObject().put("rule", x.rule()).put("detail", x.detail()));
        return n;
    }

    /** Keeps the case's files and a description under {@code failures/<id>/} for replay. */
    static void keep(FuzzCase c, List<Violation> v, Outcome o, Path failures) throws IOException {
        Path dir = failures.resolve(c.id());
        FuzzFiles.deleteTree(dir);
        FuzzFiles.copyTree(c.dir(), dir);
        Files.writeString(dir.resolve("case.txt"), CaseReport.describe(c.id(), c.command(), c.seedInput(), c.mutations(), v,
                o.stderr(), c.dir()), StandardCharsets.UTF_8);
    }

    private static void write(OutputStream journal, ObjectNode line) throws IOException {
        journal.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        journal.flush();
    }

    /** "--name value" pairs. */
    private record Args(List<String> argv) {

        Args(String[] argv) {
            this(List.of(argv));
        }

        String get(String name) {
            int i = argv.indexOf(name);
            if (i < 0 || i + 1 >= argv.size()) {
                throw new IllegalArgumentException("FuzzDriver needs " + name + " VALUE; got " + argv);
            }
            return argv.get(i + 1);
        }
    }
}
