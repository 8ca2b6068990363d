package org.blockbench.bench;

import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.jmh.ModelEntry;
import org.blockbench.bench.jmh.ModelLocator;
import org.blockbench.zoo.Form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.model.ModelRef;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSelectionTest {

    @TempDir
    Path dir;

    private static SweepSelection select(List<String> blocks, List<String> positions) {
        return new SweepSelection(blocks, positions, List.of(Form.DEPLOY), List.of(1), List.of(Provider.CPU), List.of(1),
                List.of(OptimizationLevel.ALL));
    }

    @Test
    void planIsSortedByKeyWhateverTheArgumentOrder() {
        ModelCatalog catalog = ModelCatalog.open(List.of(TinyModels.zoo(dir, List.of("B", "A"), List.of("late", "early"))));
        List<String> keys = select(List.of("B", "A"), List.of()).plan(catalog).stream().map(p -> p.config().key()).toList();
        assertEquals(List.of("A-early.deploy.b1.cpu.t1.all", "A-late.deploy.b1.cpu.t1.all",
                "B-early.deploy.b1.cpu.t1.all", "B-late.deploy.b1.cpu.t1.all"), keys);
        assertEquals(keys, select(List.of("A", "B"), List.of()).plan(catalog).stream().map(p -> p.config().key()).toList());
    }

    @Test
    void unknownBlockListsTheValidOnes() {
        ModelCatalog catalog = ModelCatalog.open(List.of(TinyModels.zoo(dir, List.of("A", "B"), List.of("early"))));
        BadInputException e = assertThrows(BadInputException.class, () -> select(List.of("Nope"), List.of()).plan(catalog));
        assertEquals("unknown block 'Nope', expected one of [A, B]", e.getMessage());
        e = assertThrows(BadInputException.class, () -> select(List.of(), List.of("mid")).plan(catalog));
        assertEquals("unknown position 'mid', expected one of [early]", e.getMessage());
    }

    @Test
    void modelIdsSelectOnlyTheirModelsAndAnUnknownOneListsTheManifests() {
        ModelCatalog catalog = ModelCatalog.open(List.of(TinyModels.zoo(dir, List.of("A", "B"), List.of("early", "late"))));
        SweepSelection byId = new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY), List.of(1), List.of(Provider.CPU),
                List.of(1), List.of(OptimizationLevel.ALL), List.of(ModelRef.parse("B/late"), ModelRef.parse("A/early")));
        assertEquals(List.of("A-early.deploy.b1.cpu.t1.all", "B-late.deploy.b1.cpu.t1.all"),
                byId.plan(catalog).stream().map(p -> p.config().key()).toList());
        SweepSelection unknown = new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY), List.of(1), List.of(Provider.CPU),
                List.of(1), List.of(OptimizationLevel.ALL), List.of(ModelRef.parse("C/early")));
        BadInputException e = assertThrows(BadInputException.class, () -> unknown.plan(catalog));
        assertEquals("unknown model 'C/early', expected one of [A/early, A/late, B/early, B/late]", e.getMessage());
    }

    @Test
    void userFilesAreMeasuredAsGivenInTheirDeployFormOnly() throws Exception {
        Path file = TinyModels.convNet(dir.resolve("mine.onnx"), 4, 2, 0);
        SweepSelection both = new SweepSelection(List.of(), List.of(), List.of(Form.TRAIN, Form.DEPLOY), List.of(1, 2),
                List.of(Provider.CPU), List.of(1), List.of(OptimizationLevel.ALL));
        List<BenchConfig> plan = both.plan(ModelCatalog.open(List.of(file))).stream().map(SweepSelection.PlannedConfig::config).toList();
        assertEquals(2, plan.size());
        assertTrue(plan.stream().allMatch(c -> c.form() == Form.DEPLOY && c.model().text().equals(file.toAbsolutePath().toString())));
        assertTrue(plan.get(0).key().matches("mine-[0-9a-f]{8}\\.deploy\\.b1\\.cpu\\.t1\\.all"), plan.get(0).key());
    }

    @Test
    void aDirectoryWithoutManifestGivesItsOnnxFiles() throws Exception {
        TinyModels.convNet(dir.resolve("b/two.onnx"), 4, 2, 0);
        TinyModels.convNet(dir.resolve("a/one.onnx"), 4, 2, 0);
        TinyModels.convNet(dir.resolve("c/Three.ONNX"), 4, 2, 0);
        Files.writeString(dir.resolve("notes.txt"), "not a model");
        List<String> blocks = ModelCatalog.open(List.of(dir)).entries().stream().map(ModelEntry::block).toList();
        assertEquals(List.of("one", "two", "Three"), blocks, ".onnx in any case, as ModelRef.parse reads the parameter");
    }

    @Test
    void configRoundTripsThroughJmhParams() {
        BenchConfig c = new BenchConfig("ResNetBasicBlock/early", Form.TRAIN, 8, Provider.CUDA, 0, OptimizationLevel.BASIC);
        assertEquals(Map.of("model", "ResNetBasicBlock/early", "form", "train", "batch", "8", "provider", "cuda",
                "intraOpThreads", "0", "optLevel", "basic"), c.jmhParams());
        assertEquals(c, BenchConfig.fromJmhParams(c.jmhParams()));
        assertEquals("ResNetBasicBlock-early.train.b8.cuda.t0.basic", c.key());
    }

    @Test
    void manifestIdsResolveToTheirFormsFile() {
        TinyModels.zoo(dir, List.of("A"), List.of("early"));
        assertEquals(dir.resolve("A/early/train.onnx").toAbsolutePath().normalize(),
                ModelLocator.resolve("A/early", Form.TRAIN, dir));
        Path file = dir.resolve("A/early/deploy.onnx");
        assertEquals(file, ModelLocator.resolve(file.toString(), Form.DEPLOY, dir));
        // a file is validated before any session sees it, named by its absolute path (ModelRef's one spelling)
        assertEquals(Path.of("x/y.onnx").toAbsolutePath() + ": no such file",
                assertThrows(BadInputException.class, () -> ModelLocator.resolve("x/y.onnx", Form.DEPLOY, dir)).getMessage());
        // ".onnx" in any case is a file, as in the report: never looked up as a manifest id
        assertEquals(Path.of("x/Net.ONNX").toAbsolutePath() + ": no such file",
                assertThrows(BadInputException.class, () -> ModelLocator.resolve("x/Net.ONNX", Form.DEPLOY, dir)).getMessage());
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLocator.resolve("A/mid", Form.DEPLOY, dir));
        assertEquals("unknown model 'A/mid', expected one of [A/early]", e.getMessage());
    }

    @Test
    void emptyValueListsAreRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> new SweepSelection(List.of(), List.of(), List.of(),
                List.of(1), List.of(Provider.CPU), List.of(1), List.of(OptimizationLevel.ALL)));
        assertEquals("no forms given; give at least one", e.getMessage());
        assertThrows(BadInputException.class, () -> new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY),
                List.of(0), List.of(Provider.CPU), List.of(1), List.of(OptimizationLevel.ALL)));
    }

    @Test
    void onlyTheZoosOwnUnchangedFilesCountAsExportedByBlockBench() throws Exception {
        // "ResNetBasicBlock" is a registry block; "MyPack" stands for a block pack, whose stage is the user's code
        TinyModels.zoo(dir, List.of("ResNetBasicBlock", "MyPack"), List.of("early"));
        Map<String, ModelEntry> byId = new java.util.HashMap<>();
        ModelCatalog.readManifest(dir.resolve(ModelCatalog.MANIFEST)).forEach(e -> byId.put(e.id(), e));
        ModelEntry zoo = byId.get("ResNetBasicBlock/early");
        String sha = org.blockbench.onnx.OnnxModelFile.sha256(zoo.file(Form.DEPLOY).orElseThrow());
        assertTrue(zoo.exportedByBlockBench(Form.DEPLOY, sha));
        // a re-written file is no longer the exporter's: it gets the child-JVM pre-check again
        TinyModels.convNet(zoo.file(Form.DEPLOY).orElseThrow(), 8, 4, 99);
        assertFalse(zoo.exportedByBlockBench(Form.DEPLOY,
                org.blockbench.onnx.OnnxModelFile.sha256(zoo.file(Form.DEPLOY).orElseThrow())));
        ModelEntry pack = byId.get("MyPack/early");
        assertFalse(pack.exportedByBlockBench(Form.DEPLOY,
                org.blockbench.onnx.OnnxModelFile.sha256(pack.file(Form.DEPLOY).orElseThrow())));
        Path mine = TinyModels.convNet(dir.resolve("mine.onnx"), 4, 2, 0);
        assertFalse(ModelEntry.ofFile(mine).exportedByBlockBench(Form.DEPLOY, org.blockbench.onnx.OnnxModelFile.sha256(mine)));
    }
}
