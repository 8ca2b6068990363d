package org.blockbench.export;

import java.util.Set;
import java.util.stream.Collectors;
import org.blockbench.pack.BlockPack;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.pack.RefusedPack;
import org.blockbench.pack.StageProbe;
import org.blockbench.zoo.build.BlockRegistry;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.gwo.GwoPrimitive;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.data.CalibrationSet;
import org.blockbench.quant.OutputFidelity;
import org.blockbench.quant.TensorErrorFile;
import org.blockbench.quant.TensorErrorReport;
import org.blockbench.zoo.Form;
import org.blockbench.quant.VariantMaker;
import org.blockbench.quant.VariantOptions;
import org.blockbench.quant.VariantRefusedException;
import org.blockbench.data.Normalization;
import org.blockbench.data.SyntheticDataset;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.StageBlock;
import org.blockbench.text.Progress;
import org.blockbench.zoo.build.Zoo;

/**
 * Exports zoo models: for each model its train and deploy .onnx (each written atomically),
 * then the manifest, written last, so that a manifest never lists a file that is not
 * complete on disk. Entries of an existing manifest with the same seed, classes, input size
 * and init are kept for models not re-exported.
 */
public final class Exporter {

    private final Path outputDir;
    private final ScaffoldConfig config;
    private final VariantOptions variants;
    private final Map<Normalization, CalibrationSet> calibration = new LinkedHashMap<>();
    private final List<String> variantNotes = new ArrayList<>();
    private final List<String> refusedVariants = new ArrayList<>();
    private final Map<Normalization, org.blockbench.ort.HostTensor> checkImages = new LinkedHashMap<>();
    private boolean explain;

    public Exporter(Path outputDir, ScaffoldConfig config) {
        this(outputDir, config, VariantOptions.none());
    }

    /**
     * An exporter that also writes {@code variants} of each deploy form (docs/quantization.md),
     * INT8 calibrated on images of the synthetic dataset's training split (data seed 0),
     * normalised as the model's training recipe.
     */
    public Exporter(Path outputDir, ScaffoldConfig config, VariantOptions variants) {
        this.outputDir = outputDir;
        this.config = config;
        this.variants = variants;
    }

    /**
     * The export {@code request} asks for: every pack is read and checked (files and shapes, exit 2
     * for a bad one) before anything is written; a selected pack ONNX Runtime refuses, or whose
     * outputs are not finite, is the pack's own failure, told to {@code refused} and left out while
     * the rest is exported, as a sweep goes on past a config. The models' export is shown to
     * {@code progress}.
     */
    public static ExportResult run(ExportRequest request, Consumer<RefusedPack> refused, Progress.Factory progress) {
        int inputSize = request.config().inputSize();
        List<BlockPack> packs = new ArrayList<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : request.blockPacks()) {
            BlockPack pack = BlockPackReader.readStructure(dir, inputSize, taken);
            packs.add(pack);
            taken.add(pack.name());
        }
        List<String> packNames = packs.stream().map(BlockPack::name).toList();
        List<ModelId> zooModels = request.selection().models(packNames);
        // the selection picks packs as it picks zoo blocks (the rule train and leaderboard follow)
        Set<String> chosen = request.selection().packModels(packNames).stream().map(ModelId::block).collect(Collectors.toSet());
        List<BlockPack> exported = new ArrayList<>();
        List<RefusedPack> refusedPacks = new ArrayList<>();
        for (BlockPack pack : packs) {
            if (!chosen.contains(pack.name())) {
                continue;
            }
            try {
                StageProbe.check(pack, inputSize);
                exported.add(pack);
            } catch (RuntimeException e) {
                if (!RefusedPack.ownedByPack(e)) {
                    throw e;
                }
                RefusedPack r = RefusedPack.of(pack.directory(), e);
                refusedPacks.add(r);
                refused.accept(r);
            }
        }
        List<Position> positions = request.selection().positionList();
        int count = zooModels.size() + exported.size() * positions.size();
        long start = System.nanoTime();
        Exporter exporter = new Exporter(request.out(), request.config(), request.variants()).explaining(request.explain());
        Manifest manifest;
        try (Progress bar = progress.start("export", count, Progress.Unit.ITEMS)) {
            manifest = exporter.export(zooModels, exported, positions, id -> {
                bar.message(id.toString());
                bar.step();
            });
        }
        return new ExportResult(manifest, count, (2 + request.variants().variants().size()) * count,
                (System.nanoTime() - start) / 1e9, exporter.variantNotes(), exporter.refusedVariants(), refusedPacks);
    }

    /** One line per variant with ops left in float32, for the command's output. */
    public List<String> variantNotes() {
        return List.copyOf(variantNotes);
    }

    /**
     * With {@code explain}, each INT8 variant's notes add its 5 worst tensors ({@link TensorErrorReport}); the
     * whole report is written beside every INT8 variant either way ({@link TensorErrorFile}).
     */
    public Exporter explaining(boolean explain) {
        this.explain = explain;
        return this;
    }

    /** One line per variant refused by its output check (not written, not in the manifest). */
    public List<String> refusedVariants() {
        return List.copyOf(refusedVariants);
    }

    /** Exports {@code models}; {@code progress} is told the id of each model when it is done. */
    public Manifest export(List<ModelId> models, Consumer<ModelId> progress) {
        return export(models, List.of(), List.of(Position.values()), progress);
    }

    /**
     * Exports {@code models} and, beside them, each of {@code stageBlocks} (users' block packs,
     * read and validated before this call) at each of {@code positions}; the manifest last.
     */
    public Manifest export(List<ModelId> models, List<? extends StageBlock> stageBlocks, List<Position> positions,
                           Consumer<ModelId> progress) {
        Map<String, ManifestEntry> entries = new LinkedHashMap<>();
        Path manifestFile = outputDir.resolve(Manifest.FILE_NAME);
        if (Files.exists(manifestFile)) {
            Manifest old = Manifest.read(manifestFile);
            if (old.seed() == config.seed() && old.classes() == config.classes()
                    && old.inputSize() == config.inputSize() && old.init().equals(config.init().id())) {
                old.models().forEach(m -> entries.put(m.id(), m));
            }
        }
        for (ModelId id : models) {
            ManifestEntry entry = exportOne(id);
            entries.put(entry.id(), entry);
            progress.accept(id);
        }
        for (StageBlock block : stageBlocks) {
            for (Position p : positions) {
                ManifestEntry entry = entry(new ModelId(block.name(), p.id()), Zoo.build(block, p, Form.TRAIN, config),
                        Zoo.build(block, p, Form.DEPLOY, config));
                entries.put(entry.id(), entry);
                progress.accept(new ModelId(block.name(), p.id()));
            }
        }
        List<ManifestEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(ManifestEntry::id));
        Manifest manifest = new Manifest(Manifest.FORMAT, config.seed(), config.classes(), config.inputSize(),
                config.init().id(), GraphBuilder.OPSET, sorted);
        manifest.write(manifestFile);
        return manifest;
    }

    private ManifestEntry exportOne(ModelId id) {
        return entry(id, Zoo.build(id, Form.TRAIN, config), Zoo.build(id, Form.DEPLOY, config));
    }

    private ManifestEntry entry(ModelId id, BuiltModel train, BuiltModel deploy) {
        ModelFile trainFile = write(id, train);
        ModelFile deployFile = write(id, deploy);
        int classes = (int) train.model().getGraph().getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue();
        List<Object> inputShape = List.of(Zoo.BATCH_DIM, 3, config.inputSize(), config.inputSize());
        return new ManifestEntry(id.block(), id.position(), Zoo.INPUT_NAME, inputShape, Zoo.OUTPUT_NAME, classes,
                GraphBuilder.OPSET, train.trainableParams(), train.bufferElements(), trainFile, deployFile, gwo(train),
                variants(id, deploy.model(), classes));
    }

    private List<VariantFile> variants(ModelId id, ModelProto deploy, int classes) {
        List<VariantFile> out = new ArrayList<>();
        VariantMaker maker = variants.maker();
        for (Form v : variants.ordered()) {
            VariantMaker.Made made;
            try {
                made = maker.make(v, deploy, v == Form.INT8 ? calibration(id, classes) : null, check(id, classes));
            } catch (VariantRefusedException e) {
                refusedVariants.add(id + " " + e.getMessage());
                continue;
            }
            String relative = id.block() + "/" + id.position() + "/" + v.fileName();
            byte[] bytes = made.model().toByteArray();
            OnnxModelFile.write(outputDir.resolve(relative), made.model());
            long stored = made.model().getGraph().getInitializerList().stream()
                    .mapToLong(t -> t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact)).sum();
            out.add(new VariantFile(v.id(), new ModelFile(relative, OnnxModelFile.sha256(bytes), bytes.length, stored),
                    made.settings()));
            variantNotes.add(id + " " + v.id() + ": " + made.fidelity().describe());
            if (made.quantization() != null) {
                // every INT8 variant gets its per-tensor report beside it, for the board's worst-tensor link
                CalibrationSet set = calibration(id, classes);
                TensorErrorReport report = TensorErrorReport.of(deploy, made.quantization(), set);
                TensorErrorFile.of(id.toString(), OnnxModelFile.sha256(bytes), set.describe().toString(), report)
                        .write(TensorErrorFile.beside(outputDir.resolve(relative)));
                if (explain) {
                    report.worst(5).forEach(line -> variantNotes.add(id + " int8 worst tensors: " + line));
                }
            }
            if (!made.leftInFloat().isEmpty()) {
                variantNotes.add(id + " " + v.id() + ": left in float32: " + made.leftInFloatText());
            }
        }
        return out;
    }

    /** {@link OutputFidelity#IMAGES} images of the synthetic validation split, normalised as calibration's. */
    private org.blockbench.ort.HostTensor check(ModelId id, int classes) {
        Normalization norm = normalization(id);
        return checkImages.computeIfAbsent(norm, n -> CalibrationSet.draw(SyntheticDataset.NAME,
                SyntheticDataset.generate(classes, variants.calibrationImages(), OutputFidelity.IMAGES, 0).val(), n,
                OutputFidelity.IMAGES, OutputFidelity.IMAGES, variants.calibrationSeed()).batches().get(0));
    }

    /** As the published recipes normalise: the gwo recipe's for a GWO network, the blockzoo recipe's for every other model. */
    private static Normalization normalization(ModelId id) {
        return id.isGwoNetwork() ? Normalization.HALF : Normalization.CIFAR100;
    }

    private CalibrationSet calibration(ModelId id, int classes) {
        if (config.inputSize() != 32) {
            throw new org.blockbench.BadInputException("--variants int8 calibrates on the synthetic dataset's 32x32 "
                    + "images; --input-size " + config.inputSize() + " cannot be calibrated, use 32 or drop int8");
        }
        Normalization norm = normalization(id);
        return calibration.computeIfAbsent(norm, n -> CalibrationSet.draw(SyntheticDataset.NAME,
                SyntheticDataset.generate(classes, variants.calibrationImages(), 1, 0).train(), n,
                variants.calibrationImages(), variants.calibrationBatch(), variants.calibrationSeed()));
    }

    private ModelFile write(ModelId id, BuiltModel built) {
        String relative = id.block() + "/" + id.position() + "/" + built.form().fileName();
        ModelProto model = built.model();
        byte[] bytes = model.toByteArray();
        OnnxModelFile.write(outputDir.resolve(relative), model);
        return new ModelFile(relative, OnnxModelFile.sha256(bytes), bytes.length, built.storedElements());
    }

    private static GwoSummary gwo(BuiltModel m) {
        List<GwoSummary.Primitive> primitives = new ArrayList<>();
        for (GwoOperation op : m.gwo().operations()) {
            for (GwoPrimitive p : op.primitives()) {
                primitives.add(new GwoSummary.Primitive(op.name(), p.role().name(), p.name(), p.cost()));
            }
        }
        return new GwoSummary(primitives, m.gwo().descriptiveComplexity(), m.gwoInstances(), m.descriptiveComplexity(),
                m.gwo().dynamicSubnetworks(), m.dynamicParams());
    }
}
