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
import org.blockbench.model.ModelRef;
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
import org.blockbench.zoo.build.Zoo;

/**
 * A model to train: a zoo model or a block pack's model from the export manifest, or any ONNX file. It supplies the
 * train-form graph a run starts from, and (zoo models) the deploy form rebuilt from trained
 * weights.
 */
public sealed interface ModelSource permits ModelSource.ZooModel, ModelSource.OnnxFile {

    /** Which model ({@link ModelRef}): a zoo model, a block pack's model or a user's file. */
    ModelRef ref();

    /**
     * "ResNetBasicBlock/mid", or "onnx/&lt;key&gt;" for a file ({@link ModelRef#directory()}): the run's
     * directory under --out and {@code run.json}'s {@code model.id}.
     */
    default String id() {
        return ref().directory();
    }

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

    /** The scaffold size the model is built at, for the run record; null for a file. */
    default RunRecord.ScaffoldInfo scaffold() {
        return null;
    }

    /** The block, or null for a file ({@code run.json}'s {@code model.block}). */
    default String block() {
        return ref().isFile() ? null : ref().block();
    }

    /** The position, or null for a file ({@code run.json}'s {@code model.position}). */
    default String position() {
        return ref().isFile() ? null : ref().position();
    }

    /**
     * A model of the export manifest: a zoo model, or a block pack's (docs/own-block.md; then
     * {@code pack} is the pack, else null) in the zoo's scaffold. Each run rebuilds the train form
     * with the run's seed (so seeds vary the initialisation as in PyTorch; a pack's stage keeps the
     * pack's own initial weights) and the dataset's classes; with the manifest's seed and classes
     * the rebuilt graph is checked byte-for-byte against the exported file. A pack's deploy form is
     * rebuilt from trained weights only where the pack has no deploy file (BN folded into the
     * trained convs, as export does): a pack's own re-parameterised deploy file came from the
     * user's Python and cannot be redone here, so it is neither rebuilt nor checked ({@link #deployNote}).
     *
     * <p>{@code baseChannels} and {@code blocksPerStage} are the scaffold size asked for
     * (docs/protocol.md §Quick protocol): the manifest holds the full-size models, and a reduced
     * one is built from the zoo with the same seed rule (deterministic, so never stored). A block
     * pack's stages have fixed widths and a GWO network has its own layout: both are built at
     * their one size whatever is asked, and {@link #scaffold()} says so.
     */
    record ZooModel(ModelId modelId, Path manifestFile, Manifest manifest, ManifestEntry entry, BlockPack pack,
                    int baseChannels, int blocksPerStage) implements ModelSource {

        public static ZooModel of(Path manifestFile, Manifest manifest, String block, String position) {
            ManifestEntry entry = manifest.find(block, position).orElseThrow(() -> BadInputException.unknown(
                    "model in " + manifestFile, block + "/" + position,
                    manifest.models().stream().map(ManifestEntry::id).toList()));
            return new ZooModel(new ModelId(block, position), manifestFile, manifest, entry, null,
                    ScaffoldConfig.FULL_BASE_CHANNELS, ScaffoldConfig.FULL_BLOCKS_PER_STAGE);
        }

        /** The model of {@code pack} at {@code position}, which must have been exported into the manifest. */
        public static ZooModel of(Path manifestFile, Manifest manifest, BlockPack pack, Position position) {
            ManifestEntry entry = manifest.find(pack.name(), position.id()).orElseThrow(() -> new BadInputException(
                    "block pack " + pack.name() + " at " + position.id() + " is not in " + manifestFile
                            + "; export it first (`blockbench export --block-pack " + pack.directory() + "`)"));
            return new ZooModel(new ModelId(pack.name(), position.id()), manifestFile, manifest, entry, pack,
                    ScaffoldConfig.FULL_BASE_CHANNELS, ScaffoldConfig.FULL_BLOCKS_PER_STAGE);
        }

        /** This model asked for at another scaffold size (a pack or GWO network keeps its own, see {@link #scaffold()}). */
        public ZooModel withSize(int base, int blocks) {
            new ScaffoldConfig(2, 8, 0, InitMode.PYTORCH, base, blocks); // validates the knobs
            return new ZooModel(modelId, manifestFile, manifest, entry, pack, base, blocks);
        }

        /** Whether the asked size is built: false for a pack or GWO network asked for a reduced size. */
        private boolean resizable() {
            return pack == null && !modelId.isGwoNetwork();
        }

        @Override
        public RunRecord.ScaffoldInfo scaffold() {
            boolean full = baseChannels == ScaffoldConfig.FULL_BASE_CHANNELS
                    && blocksPerStage == ScaffoldConfig.FULL_BLOCKS_PER_STAGE;
            if (modelId.isGwoNetwork()) {
                return new RunRecord.ScaffoldInfo(null, null, true, "GWO network: its own published layout"
                        + " (docs/protocol.md §GWO); the scaffold's size knobs do not apply");
            }
            if (pack != null) {
                return new RunRecord.ScaffoldInfo(ScaffoldConfig.FULL_BASE_CHANNELS, ScaffoldConfig.FULL_BLOCKS_PER_STAGE,
                        true, full ? null : "block pack: its stage has the full scaffold's fixed widths, so it is trained"
                                + " at full size (base_channels " + ScaffoldConfig.FULL_BASE_CHANNELS + ", "
                                + ScaffoldConfig.FULL_BLOCKS_PER_STAGE + " blocks/stage), not the asked base_channels "
                                + baseChannels + ", " + blocksPerStage + " blocks/stage");
            }
            return new RunRecord.ScaffoldInfo(baseChannels, blocksPerStage, full, null);
        }

        @Override
        public ModelRef ref() {
            return ModelRef.of(modelId);
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
            ScaffoldConfig c = new ScaffoldConfig(classes, manifest.inputSize(), seed, InitMode.parse(manifest.init()));
            return resizable() ? c.withSize(baseChannels, blocksPerStage) : c;
        }

        @Override
        public ModelProto initialModel(long seed, int classes) {
            BuiltModel built = pack == null ? Zoo.build(modelId, Form.TRAIN, config(seed, classes))
                    : Zoo.build(pack, Position.parse(modelId.position()), Form.TRAIN, config(seed, classes));
            if (seed == manifest.seed() && classes == manifest.classes() && config(seed, classes).isFullSize()) {
                String rebuilt = OnnxModelFile.sha256(built.model().toByteArray());
                if (!rebuilt.equals(entry.train().sha256())) {
                    throw new BadInputException(manifestFile.getParent().resolve(entry.train().path()) + " (SHA-256 "
                            + entry.train().sha256() + ") is not the model this BlockBench builds for " + id()
                            + (pack == null ? "" : " from " + pack.directory()) + " (SHA-256 " + rebuilt
                            + "); re-run `blockbench export`");
                }
            }
            return built.model();
        }

        @Override
        public String initDescription(long seed) {
            return (pack == null ? "" : "block pack " + pack.directory() + " stage weights, scaffold ")
                    + "zoo seed " + seed + " (" + manifest.init() + ")";
        }

        @Override
        public Optional<ModelProto> deployModel(Map<String, FloatTensor> trained, long seed, int classes) {
            if (pack == null) {
                return Optional.of(Zoo.build(modelId, Form.DEPLOY, config(seed, classes), trained).model());
            }
            Position p = Position.parse(modelId.position());
            if (pack.hasOwnDeploy(p)) {
                return Optional.empty();
            }
            return Optional.of(Zoo.build(pack.withTrainedStage(p, trained), p, Form.DEPLOY, config(seed, classes), trained)
                    .model());
        }

        @Override
        public String deployNote() {
            return pack != null && pack.hasOwnDeploy(Position.parse(modelId.position()))
                    ? "deploy form not rebuilt and deploy parity not checked: the pack's own " + modelId.position()
                            + BlockPackReader.DEPLOY_SUFFIX + " is a re-parameterisation of its initial weights that only"
                            + " the user's Python can redo for trained ones"
                    : null;
        }
    }

    /** An ONNX file: trained from the weights it holds; no deploy form of its own. */
    record OnnxFile(Path file, ModelProto model) implements ModelSource {

        /**
         * Reads, validates and checks that the file can be trained as given: its image input and
         * its logits declare no fixed batch (training and the ONNX Runtime parity check feed
         * other batch sizes, and ONNX Runtime refuses them: "Got: 32 Expected: 1"), and the input
         * is not of a rank other than 4. Each failure is one line, before any epoch.
         */
        public static OnnxFile read(Path file) {
            ModelProto model = OnnxModelFile.read(file);
            checkBatchable(file, model);
            return new OnnxFile(file, model);
        }

        private static void checkBatchable(Path file, ModelProto model) {
            java.util.Set<String> initializers = new java.util.HashSet<>();
            model.getGraph().getInitializerList().forEach(t -> initializers.add(t.getName()));
            ValueInfoProto input = model.getGraph().getInputList().stream()
                    .filter(v -> !initializers.contains(v.getName())).findFirst().orElse(null);
            if (input != null && input.getType().hasTensorType() && input.getType().getTensorType().hasShape()) {
                TensorShapeProto shape = input.getType().getTensorType().getShape();
                if (shape.getDimCount() != 4) {
                    throw new BadInputException(file + ": input '" + input.getName() + "' has rank " + shape.getDimCount()
                            + "; the trainer feeds float32 images [N, C, H, W]");
                }
                fixedBatch(file, "input", input);
            }
            if (model.getGraph().getOutputCount() > 0) {
                ValueInfoProto output = model.getGraph().getOutput(0);
                if (output.getType().hasTensorType() && output.getType().getTensorType().getShape().getDimCount() > 0) {
                    fixedBatch(file, "output", output);
                }
            }
        }

        private static void fixedBatch(Path file, String what, ValueInfoProto value) {
            TensorShapeProto.Dimension batch = value.getType().getTensorType().getShape().getDim(0);
            if (batch.hasDimValue()) {
                throw new BadInputException(file + ": " + what + " '" + value.getName() + "' has a fixed batch of "
                        + batch.getDimValue() + "; training and the ONNX Runtime check feed other batch sizes, re-export"
                        + " with a dynamic batch axis (torch.onnx.export(..., dynamic_axes={'" + value.getName()
                        + "': {0: 'batch'}}))");
            }
        }

        @Override
        public ModelRef ref() {
            return ModelRef.file(file);
        }

        /** The file's absolute path, which {@link ModelRef#parse} reads back ({@code run.json}'s {@code model.source}). */
        @Override
        public String path() {
            return ref().text();
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
