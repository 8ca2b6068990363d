package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    static final Path FIXTURES = Path.of("src/test/resources/regress");

    /** Runs blockbench with {@code args}; returns the exit code, stderr in {@code err[0]}. */
    static int run(String[] err, String... args) {
        CommandLine cmd = BlockBench.commandLine();
        StringWriter e = new StringWriter();
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        err[0] = e.toString();
        return code;
    }

    @Test
    void exitCodeOneWhenABenchmarkIsSlower(@TempDir Path out) throws Exception {
        String[] err = new String[1];
        int code = run(err, "compare", FIXTURES.resolve("base-avgt.json").toString(),
                FIXTURES.resolve("new-avgt.json").toString(), "--out", out.toString());
        assertEquals(ExitCodes.FINDINGS, code, err[0]);
        assertTrue(Files.readString(out.resolve("compare.md")).contains("**Result: REGRESSION**"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(1, json.at("/summary/slower").asInt());
        assertEquals(1, json.at("/summary/added").asInt());
        assertEquals(1, json.at("/summary/removed").asInt());
    }

    /** A baseline benchmark missing from the new run (a config that crashed tonight) fails CI unless allowed. */
    @Test
    void aVanishedBenchmarkIsExitOneUnlessAllowed(@TempDir Path out) {
        String[] err = new String[1];
        String newer = FIXTURES.resolve("new-avgt.json").toString();
        String base = FIXTURES.resolve("base-avgt.json").toString();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        int code;
        try (java.io.PrintStream capture = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
             java.io.PrintStream captureErr = new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(captureErr);
            code = run(err, "compare", newer, base, "--out", out.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(ExitCodes.FINDINGS, code, err[0]);
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("removed      "), text);
        assertFalse(text.contains("REGRESSION"), text);
        assertEquals("blockbench: 1 benchmark(s) of the baseline are missing from the new run (a failed config?), listed as"
                + " removed above; --allow-missing accepts that", errors.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        assertEquals(ExitCodes.OK, run(err, "compare", newer, base, "--out", out.toString(), "--allow-missing"), err[0]);
    }

    @Test
    void exitCodeZeroForTheSameRunAndForASpeedUp(@TempDir Path out) {
        String[] err = new String[1];
        String base = FIXTURES.resolve("base-avgt.json").toString();
        assertEquals(ExitCodes.OK, run(err, "compare", base, base, "--out", out.toString()), err[0]);
        // reversed: the candidate is the faster one (and lacks new-avgt's Bench.added, which is allowed here)
        assertEquals(ExitCodes.OK, run(err, "compare", FIXTURES.resolve("new-avgt.json").toString(), base,
                "--out", out.toString(), "--format", "md", "--allow-missing"), err[0]);
        assertTrue(Files.exists(out.resolve("compare.md")));
    }

    @Test
    void histogramsAndUnitConversionEndToEnd(@TempDir Path out) throws Exception {
        String[] err = new String[1];
        int code = run(err, "compare", FIXTURES.resolve("base-sample.json").toString(),
                FIXTURES.resolve("new-sample.json").toString(), "--out", out.toString(), "--format", "json");
        assertEquals(ExitCodes.FINDINGS, code, err[0]);
        JsonNode c = new ObjectMapper().readTree(out.resolve("compare.json").toFile()).at("/comparisons/0");
        assertEquals("ms/op", c.get("unit").asText());
        assertEquals(0.262 / 0.240, c.get("time_ratio").asDouble(), 1e-9, "medians 0.240 ms and 262 us");
        assertEquals(68, c.get("base_samples").asInt());
        assertEquals("operation_samples", c.get("sample_kind").asText());
    }

    @Test
    void badInputIsExitCodeTwoWithOneLine(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[ {");
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", FIXTURES.resolve("base-avgt.json").toString(),
                broken.toString(), "--out", dir.toString()));
        assertTrue(err[0].startsWith("blockbench: " + broken + ": record 0: malformed JSON"), err[0]);
        assertEquals(1, err[0].lines().count(), "one line, no stack trace: " + err[0]);

        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", FIXTURES.resolve("base-avgt.json").toString(),
                "--out", dir.toString()));
        assertTrue(err[0].contains("compare takes BASE NEW (two paths)"), err[0]);

        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", FIXTURES.resolve("base-thrpt.json").toString(),
                FIXTURES.resolve("new-thrpt-as-time.json").toString(), "--out", dir.toString()));
        assertTrue(err[0].contains("(a throughput) but") && err[0].contains("(a time per operation)"), err[0]);

        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", FIXTURES.resolve("base-avgt.json").toString(),
                FIXTURES.resolve("base-avgt.json").toString(), "--out", dir.toString(), "--format", "html"));
        assertTrue(err[0].contains("unknown report format 'html', expected one of [md, json]"), err[0]);

        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", FIXTURES.resolve("base-avgt.json").toString(),
                FIXTURES.resolve("base-avgt.json").toString(), "--alpha", "0.7"));
        assertTrue(err[0].contains("alpha must be in (0, 0.5), found 0.7"), err[0]);
        assertFalse(Files.exists(dir.resolve("compare.md")), "nothing written on bad input");
    }

    @Test
    void secondaryCounterMetricNeedsAUnit(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        // written by JMH 1.37 for AbLatencyBenchmark (avgt, 1 fork x 3 iterations) with its CPU-time counter
        Path aux = FIXTURES.resolve("jmh-1.37-aux.json");
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", aux.toString(), aux.toString(), "--metric", "cpuNanosPerOp",
                "--out", dir.toString()));
        assertTrue(err[0].contains("a counter metric needs its unit given, as NAME:UNIT"), err[0]);
        assertEquals(ExitCodes.OK, run(err, "compare", aux.toString(), aux.toString(), "--metric", "cpuNanosPerOp:ns/op",
                "--out", dir.toString(), "--format", "json"), err[0]);
        JsonNode c = new ObjectMapper().readTree(dir.resolve("compare.json").toFile()).at("/comparisons/0");
        assertEquals("org.blockbench.regress.AbLatencyBenchmark.infer:cpuNanosPerOp", c.get("benchmark").asText());
        assertEquals("ns/op", c.get("unit").asText());
        assertEquals(251578.4396449704, c.get("base_median").asDouble(), 1e-6);
        assertEquals("inconclusive", c.get("verdict").asText(), "3 iterations are too few");
    }

    @Test
    void pairComparesTwoDifferentlyNamedBenchmarksAndAppliesTheGuard(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        Path aux = FIXTURES.resolve("jmh-1.37-aux.json"); // wall 1.59, 0.60, 0.52 ms; CPU 0.26, 0.25, 0.25 ms
        Path base = FIXTURES.resolve("base-avgt.json");
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", base.toString(), aux.toString(), "--pair", "--out", dir.toString()));
        assertTrue(err[0].contains("--pair needs one benchmark in each file; found 3 in"), err[0]);
        // the same measurements under another model path: a different benchmark unless paired
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(aux).replace("/tmp/cal/base.onnx", "/models/candidate.onnx"));
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", aux.toString(), other.toString(), "--out", dir.toString()));
        assertEquals(ExitCodes.OK, run(err, "compare", aux.toString(), other.toString(), "--pair", "--out", dir.toString(),
                "--format", "json"), err[0]);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
        assertEquals("/tmp/cal/base.onnx → /models/candidate.onnx", root.at("/comparisons/0/params/model").asText());
        assertEquals(1.0, root.at("/comparisons/0/time_ratio").asDouble(), 0);
        assertTrue(root.at("/notes/0").asText().contains("machine busy: the benchmark thread was on a CPU for 42 %"),
                root.toString());
    }

    @Test
    void missingSecondaryMetricListsTheAvailableOnes(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        Path real = FIXTURES.resolve("jmh-1.37-real.json");
        // the real file's sample-mode record has secondary metrics p0.00 ... in ms/op; the avgt record has none
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", real.toString(), real.toString(), "--metric", "p0.50",
                "--out", dir.toString()));
        assertTrue(err[0].contains("field secondaryMetrics: no metric 'p0.50', expected one of []"), err[0]);
    }

    @Test
    void historyAppendsComparesAndPlots(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        Path history = dir.resolve("history");
        Path out = dir.resolve("analysis");
        String base = FIXTURES.resolve("base-avgt.json").toString();
        // first night: nothing to compare with, stored
        assertEquals(ExitCodes.OK, run(err, "compare", "--history", history.toString(), base, "--out", out.toString()), err[0]);
        assertEquals(1, runs(history).size());
        assertFalse(Files.exists(out.resolve("compare.md")));
        // the same content again is not stored twice
        assertEquals(ExitCodes.OK, run(err, "compare", "--history", history.toString(), base, "--out", out.toString()), err[0]);
        assertEquals(1, runs(history).size());
        // a slower night: compared against the stored one, exit 1, stored, plotted
        assertEquals(ExitCodes.FINDINGS, run(err, "compare", "--history", history.toString(),
                FIXTURES.resolve("new-avgt.json").toString(), "--out", out.toString()), err[0]);
        assertEquals(2, runs(history).size());
        assertTrue(Files.readString(out.resolve("compare.md")).contains("last 1 run pooled"));
        try (Stream<Path> s = Files.list(out.resolve("trends"))) {
            List<Path> files = s.sorted().toList();
            // night 2 (base again) drew alpha, beta, gone; night 3 alpha, beta, added; index.md lists night 3's
            assertEquals(4 * 2 + 1, files.size(), files.toString());
            String index = Files.readString(out.resolve("trends/index.md"));
            assertTrue(index.contains("Bench.added \\[avgt\\]") && !index.contains("Bench.gone"), index);
            for (Path f : files) {
                if (f.toString().endsWith(".png")) {
                    assertNotNull(ImageIO.read(f.toFile()), "decodable PNG " + f);
                } else if (f.toString().endsWith(".svg")) {
                    assertTrue(Files.readString(f).contains("<svg"), f.toString());
                }
            }
        }
        // --no-append compares only
        assertEquals(ExitCodes.OK, run(err, "compare", "--history", history.toString(), base, "--no-append",
                "--window", "1", "--out", out.toString(), "--allow-missing"), err[0]);
        assertEquals(2, runs(history).size());
        // a run sharing no benchmark with the history: exit 2, stored so that the next night compares against it
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", "--history", history.toString(),
                FIXTURES.resolve("base-thrpt.json").toString(), "--out", out.toString()));
        assertTrue(err[0].contains("so the next run compares against it"), err[0]);
        assertEquals(3, runs(history).size());
        // a history "directory" that is a file is bad input
        assertEquals(ExitCodes.BAD_INPUT, run(err, "compare", "--history", base, base));
    }

    /** Each JMH file is read once per command, however many metrics and steps use it. */
    @Test
    void everyFileIsReadOncePerCommand(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        Path history = dir.resolve("history");
        String base = FIXTURES.resolve("base-avgt.json").toString();
        String newer = FIXTURES.resolve("new-avgt.json").toString();
        run(err, "compare", "--history", history.toString(), base, "--out", dir.resolve("a").toString());
        run(err, "compare", "--history", history.toString(), newer, "--out", dir.resolve("a").toString());
        List<Path> stored = runs(history).stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        assertEquals(2, stored.size());

        // history mode: the input (its metric, CPU time and append) and each history file (pooled baseline,
        // CPU time, trend plots), where each history file was read up to three times before
        java.util.Map<Path, Integer> reads = new java.util.TreeMap<>();
        CompareCommand compare = new CompareCommand();
        compare.files = new org.blockbench.regress.RunFiles(p -> {
            reads.merge(p.toAbsolutePath().normalize(), 1, Integer::sum);
            return org.blockbench.bench.result.JmhReader.read(p);
        });
        assertEquals(ExitCodes.OK, new CommandLine(compare).execute("--history", history.toString(), base, "--allow-missing",
                "--out", dir.resolve("b").toString()));
        java.util.Map<Path, Integer> once = new java.util.TreeMap<>();
        once.put(Path.of(base).toAbsolutePath().normalize(), 1);
        stored.forEach(p -> once.put(p, 1));
        assertEquals(once, reads);

        // two files: each once, for the compared metric and the CPU-time guard alike
        reads.clear();
        compare = new CompareCommand();
        compare.files = new org.blockbench.regress.RunFiles(p -> {
            reads.merge(p.toAbsolutePath().normalize(), 1, Integer::sum);
            return org.blockbench.bench.result.JmhReader.read(p);
        });
        assertEquals(ExitCodes.FINDINGS, new CommandLine(compare).execute(base, newer, "--out", dir.resolve("c").toString()));
        assertEquals(java.util.Map.of(Path.of(base).toAbsolutePath().normalize(), 1, Path.of(newer).toAbsolutePath().normalize(), 1),
                reads);
    }

    private static List<Path> runs(Path history) throws Exception {
        try (Stream<Path> s = Files.list(history.resolve("runs"))) {
            return s.toList();
        }
    }
}
