package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.Shard;
import org.blockbench.bench.TinyModels;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.JmhJson;
import org.blockbench.bench.result.ResultMerger;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sweeps (real JMH forks, real ONNX Runtime) over a zoo of four tiny models. */
class SweepIntegrationTest {

    @TempDir
    static Path dir;

    static Path zoo;
    static Path output;
    static SweepReport full;

    @BeforeAll
    static void sweepTheWholeZoo() {
        zoo = TinyModels.zoo(dir.resolve("models"), List.of("A", "B"), List.of("early", "late"));
        output = dir.resolve("jmh-results");
        full = TestSweeps.run(TestSweeps.request(List.of(zoo), TestSweeps.ALL_DEPLOY_B1, Shard.ALL, output, "full", false));
    }

    private static List<String> plannedKeys() {
        return TestSweeps.ALL_DEPLOY_B1.plan(ModelCatalog.open(List.of(zoo))).stream()
                .map(p -> p.config().key()).toList();
    }

    private static List<String> keysOf(List<JmhRecord> elements) {
        return elements.stream().map(e -> BenchConfig.fromJmhParams(e.params()).key()).toList();
    }

    @Test
    void everyConfigIsMeasuredOnceInPlanOrder() {
        assertEquals(List.of(), full.failures());
        assertEquals(4, full.count(ConfigOutcome.Status.MEASURED));
        List<JmhRecord> results = JmhReader.read(full.results()).records();
        assertEquals(plannedKeys(), keysOf(results));
        for (String key : plannedKeys()) {
            assertTrue(Files.isRegularFile(output.resolve("full/configs/" + key + ".json")), key);
            assertTrue(Files.isRegularFile(output.resolve("full/logs/" + key + ".log")), key);
        }
    }

    @Test
    void sidecarSaysWhatRanWhereAndHow() throws Exception {
        Path file = output.resolve("full/results.meta.json");
        // the keys are snake_case, as in every file of ours
        JsonNode tree = new ObjectMapper().readTree(file.toFile());
        assertEquals(ResultsMetadata.FORMAT, tree.get("format").asText());
        assertTrue(tree.get("environment").has("vector_isa") && tree.get("sweep").has("measurement_share"), tree.toString());
        ResultsMetadata meta = ResultsMetadata.read(file);
        assertEquals("results.json", meta.results());
        RunEnvironment env = meta.environment();
        assertEquals(ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion(), env.ortVersion());
        assertFalse(env.cpuModel().isEmpty() || env.gitRevision().isEmpty() || env.capturedAt().isEmpty(), env.toString());
        // INT8 speed depends on the instruction set: recorded as host.CpuFeatures reads it
        assertEquals(org.blockbench.host.CpuFeatures.detect().describe(), env.vectorIsa());
        assertEquals("1", meta.options().jmh().get("forks"));
        assertEquals(4, meta.sweep().planned());
        ResultsMetadata.Config first = meta.configs().get(0);
        assertTrue(List.of("measured", "finished-earlier").contains(first.status()), "a resume test may run first");
        assertEquals(first.key(), first.measured().key());
        assertEquals(1, first.measured().model().nodesByProvider().size());
        assertTrue(first.measured().model().nodesByProvider().get("CPUExecutionProvider") > 0);
        assertEquals("input[1, 3, 8, 8]", first.measured().model().input());
        assertEquals(first.params(), BenchConfig.fromJmhParams(first.params().toMap()).params());
        String summary = Files.readString(output.resolve("full/summary.txt"));
        assertEquals(5, summary.lines().count(), summary);
        assertTrue(summary.lines().skip(1).allMatch(l -> l.contains("sample") && l.contains("ms/op")), summary);
    }

    @Test
    void shardsMergedCoverExactlyTheUnshardedConfigs() {
        Path shardsOut = dir.resolve("sharded");
        SweepReport s0 = TestSweeps.run(TestSweeps.request(List.of(zoo), TestSweeps.ALL_DEPLOY_B1, new Shard(0, 2), shardsOut, "nightly", false));
        SweepReport s1 = TestSweeps.run(TestSweeps.request(List.of(zoo), TestSweeps.ALL_DEPLOY_B1, new Shard(1, 2), shardsOut, "nightly", false));
        assertEquals(2, s0.outcomes().size());
        assertEquals(2, s1.outcomes().size());
        assertTrue(Files.isRegularFile(shardsOut.resolve("nightly/results-shard-0-of-2.json")));
        Path merged = dir.resolve("merged.json");
        int code = BlockBench.commandLine().execute("merge", "-o", merged.toString(),
                s0.results().toString(), s1.results().toString());
        assertEquals(ExitCodes.OK, code);
        List<JmhRecord> mergedElements = JmhReader.read(merged).records();
        assertEquals(keysOf(JmhReader.read(full.results()).records()), keysOf(mergedElements), "same configs, same order, once each");
        assertTrue(Files.isRegularFile(ResultMerger.sidecarOf(merged)));
        // the sidecars share one schema: each shard records its start; the merge keeps the earliest
        ResultsMetadata m0 = ResultsMetadata.read(shardsOut.resolve("nightly/results-shard-0-of-2.meta.json"));
        ResultsMetadata m1 = ResultsMetadata.read(shardsOut.resolve("nightly/results-shard-1-of-2.meta.json"));
        assertEquals("0/2", m0.shard());
        ResultsMetadata mergedMeta = ResultsMetadata.read(ResultMerger.sidecarOf(merged));
        assertEquals(m0.startedAt().compareTo(m1.startedAt()) <= 0 ? m0.startedAt() : m1.startedAt(), mergedMeta.startedAt());
        assertEquals(2, mergedMeta.sources().size());
        assertEquals(4, mergedMeta.resultCount());
        // the run directory itself merges to the same set
        assertEquals(keysOf(mergedElements), keysOf(ResultMerger.merge(List.of(shardsOut.resolve("nightly")))));
    }

    @Test
    void resumingAFinishedRunMeasuresNothingAndWritesTheSameResults() throws Exception {
        String before = Files.readString(full.results());
        SweepReport again = TestSweeps.run(TestSweeps.request(List.of(zoo), TestSweeps.ALL_DEPLOY_B1, Shard.ALL, output, "full", true));
        assertEquals(4, again.count(ConfigOutcome.Status.FINISHED_EARLIER));
        assertEquals(before, Files.readString(again.results()));
    }

    @Test
    void roundsInterleaveTheConfigsForksAndJoinThemPerConfig() throws Exception {
        org.blockbench.bench.SweepSelection onlyA = new org.blockbench.bench.SweepSelection(List.of("A"), List.of(),
                TestSweeps.ALL_DEPLOY_B1.forms(), TestSweeps.ALL_DEPLOY_B1.batches(), TestSweeps.ALL_DEPLOY_B1.providers(),
                TestSweeps.ALL_DEPLOY_B1.intraOpThreads(), TestSweeps.ALL_DEPLOY_B1.optLevels());
        Path out = dir.resolve("rounds");
        SweepRequest twice = new SweepRequest(List.of(zoo), onlyA, TestSweeps.TINY, Shard.ALL, out, Optional.of("r"), false, List.of(),
                false, false, 2);
        SweepReport report = TestSweeps.run(twice);

        List<JmhRecord> records = JmhReader.read(report.results()).records();
        assertEquals(List.of("A/early", "A/late"), records.stream().map(r -> r.params().get("model")).toList());
        records.forEach(r -> assertEquals(2, r.primary().forks().size(), "one fork per round, joined: " + r.params()));
        // round 1 in plan order, round 2 backwards: early, late, late, early
        Path logs = report.runDirectory().resolve("logs");
        long early1 = Files.getLastModifiedTime(logs.resolve("A-early.deploy.b1.cpu.t1.all.log")).toMillis();
        long late1 = Files.getLastModifiedTime(logs.resolve("A-late.deploy.b1.cpu.t1.all.log")).toMillis();
        long late2 = Files.getLastModifiedTime(logs.resolve("A-late.deploy.b1.cpu.t1.all.round-2.log")).toMillis();
        long early2 = Files.getLastModifiedTime(logs.resolve("A-early.deploy.b1.cpu.t1.all.round-2.log")).toMillis();
        assertTrue(early1 < late1 && late1 < late2 && late2 < early2, List.of(early1, late1, late2, early2).toString());
        // the rounds are part of the run's options: resuming it with one round is refused
        SweepRequest once = new SweepRequest(List.of(zoo), onlyA, TestSweeps.TINY, Shard.ALL, out, Optional.of("r"), true, List.of(),
                false, false, 1);
        BadInputException e = assertThrows(BadInputException.class, () -> TestSweeps.run(once));
        assertTrue(e.getMessage().contains("rounds"), e.getMessage());
    }

    @Test
    void aRunIsNeverContinuedWithOtherJmhOptions() {
        SweepRequest other = new SweepRequest(List.of(zoo), TestSweeps.ALL_DEPLOY_B1,
                new org.blockbench.bench.JmhSettings(Optional.of(2), TestSweeps.TINY.warmupIterations(), TestSweeps.TINY.warmupTime(),
                        TestSweeps.TINY.measurementIterations(), TestSweeps.TINY.measurementTime(), TestSweeps.TINY.modes(),
                        TestSweeps.TINY.timeUnit()),
                Shard.ALL, output, Optional.of("full"), true, List.of(), false, false);
        BadInputException e = assertThrows(BadInputException.class, () -> TestSweeps.run(other));
        assertTrue(e.getMessage().startsWith("run full was measured with JMH options"), e.getMessage());
    }

    @Test
    void mergingConflictingResultsOfOneMeasurementIsRefused() throws Exception {
        List<JmhRecord> one = JmhReader.read(full.results()).records().subList(0, 1);
        String text = JmhJson.array(one);
        Path a = Files.writeString(dir.resolve("a.json"), text);
        Path same = Files.writeString(dir.resolve("same.json"), text);
        Path changed = Files.writeString(dir.resolve("changed.json"), text.replaceFirst("\"score\" : [0-9.E-]+", "\"score\" : 123.0"));
        assertEquals(1, ResultMerger.merge(List.of(a, same)).size(), "an identical duplicate is kept once");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultMerger.merge(List.of(a, changed)));
        assertTrue(e.getMessage().contains("has different results in " + a + " record 0 (") && e.getMessage().contains(" and " + changed
                + " record 0 ("), e.getMessage());
    }
}
