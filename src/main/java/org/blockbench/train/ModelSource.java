package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.pack.BlockPack;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.Zoo;

/**
 * A model to train: a zoo model or a block pack's model from the export manifest, or any ONNX file. It supplies the
 * train-form graph a run starts from, and (zoo models) the deploy form rebuilt from trained
 * weights.
 */
public sealed interface ModelSource permits ModelSource.ZooModel, ModelSource.PackModel, ModelSource.OnnxFile {

    /** "ResNetBasicBlock/mid", or "onnx/&lt;file stem&gt;": also the run's directory under --out. */
    String id();

    /** The train-form graph a run with {@code seed} starts from, with {@code classes} outputs. */
    ModelProto initialModel(long seed, int classes);

    /** How initial weights were chosen, for the run record. */
    String initDescription(long seed);

    /** The deploy form holding {@code trained} (train-form names), where the model has one. */
    Optional<ModelProto> deployModel(Map<String, FloatTensor> trained, long seed, int classes);

    /** The class count the model has before any rebuild (zoo: as exported; file: its output). */
    int nativeClasses();

    /** Whether the classifier head can be rebuilt for another class count. */
    boolean canChangeClasses();

    /** Where it came from (manifest or file path). */
    String path();

    /** Why the model's deploy form is not rebuilt from the trained weights and checked, or null when it is (or it has none). */
    default String deployNote() {
        return null;
    }

    /** The block, or null for a file. */
    default String block() {
        return null;
    }

    /** The position, or null for a file. */
    default String position() {
        return null;
    }

    /**
     * A zoo model. Each run rebuilds the train form from the zoo with the run's seed (so seeds
     * vary the initialisation as in PyTorch) and the dataset's classes; with the manifest's
     * seed and classes the rebuilt graph is checked byte-for-byte against the exported file.
     */
    record ZooModel(ModelId modelId, Path manifestFile, Manifest manifest, ManifestEntry entry) implements ModelSource {

        public static ZooModel of(Path manifestFile, Manifest manifest, String block, String position) {
            ManifestEntry entry = manifest.find(block, position).orElseThrow(() -> BadInputException.unknown(
                    "model in " + manifestFile, block + "/" + position,
                    manifest.models().stream().map(ManifestEntry::id).toList()));
            return new ZooModel(new ModelId(block, position), manifestFile, manifest, entry);
        }

        @Override
        public String id() {
            return modelId.toString();
        }

        @Override
        public String block() {
            return modelId.block();
        }

        @Override
        public String position() {
            return modelId.position();
        }

        @Override
        public String path() {
            return manifestFile.toString();
        }

        @Override
        public int nativeClasses() {
            return entry.classes();
        }

        @Override
        public boolean canChangeClasses() {
            return !modelId.isGwoNetwork();
        }

        ScaffoldConfig config(long seed, int classes) {
            return new ScaffoldConfig(classes, manifest.inputSize(), seed, InitMode.parse(manifest.init()));
        }

        @Override
        public ModelProto initialModel(long seed, int classes) {
            BuiltModel built = Zoo.build(modelId, Form.TRAIN, config(seed, classes));
            if (seed == manifest.seed() && classes == manifest.classes()) {
                String rebuilt = OnnxModelFile.sha256(built.model().toByteArray());
                if (!rebuilt.equals(entry.train().sha256())) {
                    throw new BadInputException(manifestFile.getParent().resolve(entry.train().path()) + " (SHA-256 "
                            + entry.train().sha256() + ") is not the model this BlockBench builds for " + id()
                            + " (SHA-256 " + rebuilt + "); re-run `blockbench export`");
                }
            }
            return built.model();
        }

        @Override
        public String initDescription(long seed) {
            return "zoo seed " + seed + " (" + manifest.init() + ")";
        }

        @Override
        public Optional<ModelProto> deployModel(Map<String, FloatTensor> trained, long seed, int classes) {
            return Optional.of(Zoo.build(modelId, Form.DEPLOY, config(seed, classes), trained).model());
        }
    }

    /**
     * A block pack's model (docs/own-block.md) listed in the export manifest. Like a zoo model,
     * each run rebuilds the train form from the pack with the run's seed (the scaffold's
     * initialisation; the stage keeps the pack's own initial weights) and the dataset's classes,
     * checked byte-for-byte against the exported file at the manifest's seed and classes. The
     * deploy form is rebuilt from trained weights only where the pack has no deploy file (BN
     * folded into the trained convs, as export does); a pack's own re-parameterised deploy file
     * came from the user's Python and cannot be redone here, so it is neither rebuilt nor checked.
     */
    record PackModel(BlockPack pack, Position stagePosition, Path manifestFile, Manifest manifest, ManifestEntry entry)
            implements ModelSource {

        public static PackModel of(Path manifestFile, Manifest manifest, BlockPack pack, Position position) {
            ManifestEntry entry = manifest.find(pack.name(), position.id()).orElseThrow(() -> new BadInputException(
                    "block pack " + pack.name() + " at " + position.id() + " is not in " + manifestFile
                            + "; export it first (`blockbench export --block-pack " + pack.directory() + "`)"));
            return new PackModel(pack, position, manifestFile, manifest, entry);
        }

        @Override
        public String id() {
            return entry.id();
        }

        @Override
        public String block() {
            return pack.name();
        }

        @Override
        public String position() {
            return stagePosition.id();
        }

        @Override
        public String path() {
            return manifestFile.toString();
        }

        @Override
        public int nativeClasses() {
            return entry.classes();
        }

        @Override
        public boolean canChangeClasses() {
            return true;
        }

        ScaffoldConfig config(long seed, int classes) {
            return new ScaffoldConfig(classes, manifest.inputSize(), seed, InitMode.parse(manifest.init()));
        }

        @Override
        public ModelProto initialModel(long seed, int classes) {
            BuiltModel built = Zoo.build(pack, stagePosition, Form.TRAIN, config(seed, classes));
            if (seed == manifest.seed() && classes == manifest.classes()) {
                String rebuilt = OnnxModelFile.sha256(built.model().toByteArray());
                if (!rebuilt.equals(entry.train().sha256())) {
                    throw new BadInputException(manifestFile.getParent().resolve(entry.train().path()) + " (SHA-256 "
                            + entry.train().sha256() + ") is not the model block pack " + pack.directory()
                            + " gives for " + id() + " (SHA-256 " + rebuilt + "); re-run `blockbench export --block-pack`");
                }
            }
            return built.model();
        }

        @Override
        public String initDescription(long seed) {
            return "block pack " + pack.directory() + " stage weights, scaffold seed " + seed + " (" + manifest.init() + ")";
        }

        @Override
        public Optional<ModelProto> deployModel(Map<String, FloatTensor> trained, long seed, int classes) {
            if (pack.hasOwnDeploy(stagePosition)) {
                return Optional.empty();
            }
            return Optional.of(Zoo.build(pack.withTrainedStage(stagePosition, trained), stagePosition, Form.DEPLOY,
                    config(seed, classes), trained).model());
        }

        @Override
        public String deployNote() {
            return pack.hasOwnDeploy(stagePosition)
                    ? "deploy form not rebuilt and deploy parity not checked: the pack's own " + stagePosition.id()
                            + BlockPackReader.DEPLOY_SUFFIX + " is a re-parameterisation of its initial weights that only"
                            + " the user's Python can redo for trained ones"
                    : null;
        }
    }

    /** An ONNX file: trained from the weights it holds; no deploy form of its own. */
    record OnnxFile(Path file, ModelProto model) implements ModelSource {

        public static OnnxFile read(Path file) {
            return new OnnxFile(file, OnnxModelFile.read(file));
        }

        @Override
        public String id() {
            String name = file.getFileName().toString();
            return "onnx/" + (name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name);
        }

        @Override
        public String path() {
            return file.toString();
        }

        @Override
        public ModelProto initialModel(long seed, int classes) {
            int own = nativeClasses();
            if (own > 0 && own != classes) {
                throw new BadInputException(file + " outputs " + own + " classes, the dataset has " + classes);
            }
            return model;
        }

        @Override
        public String initDescription(long seed) {
            return "weights of " + file.getFileName();
        }

        @Override
        public Optional<ModelProto> deployModel(Map<String, FloatTensor> trained, long seed, int classes) {
            return Optional.empty();
        }

        /** The output's second dimension when the file declares it, else -1. */
        @Override
        public int nativeClasses() {
            if (model.getGraph().getOutputCount() == 0) {
                return -1;
            }
            ValueInfoProto out = model.getGraph().getOutput(0);
            TensorShapeProto shape = out.getType().getTensorType().getShape();
            if (shape.getDimCount() == 2 && shape.getDim(1).hasDimValue()) {
                return (int) shape.getDim(1).getDimValue();
            }
            return -1;
        }

        @Override
        public boolean canChangeClasses() {
            return false;
        }
    }
}
