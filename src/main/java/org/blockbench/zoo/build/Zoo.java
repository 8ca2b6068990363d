package org.blockbench.zoo.build;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ParameterSource;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.StageBlock;

/**
 * Builds any zoo model, scaffold or GWO network, in train or deploy form. Parameters come
 * from the seed, or from {@code given} values (trained weights, by state_dict name), so a
 * trained train-form model can be rebuilt in deploy form.
 */
public final class Zoo {

    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "logits";
    public static final String BATCH_DIM = "batch";

    private Zoo() {
    }

    /** Every block × position, then the three GWO networks. */
    public static List<ModelId> allModels() {
        return models(BlockRegistry.names(), List.of(Position.values()), true);
    }

    /** The scaffold models of {@code blocks × positions}, plus the GWO networks when asked. */
    public static List<ModelId> models(List<String> blocks, List<Position> positions, boolean gwoNetworks) {
        List<ModelId> ids = new ArrayList<>();
        for (String b : blocks) {
            Block block = BlockRegistry.get(b);
            for (Position p : positions) {
                ids.add(new ModelId(block.name(), p.id()));
            }
        }
        if (gwoNetworks) {
            GwoNetwork.VARIANTS.forEach(v -> ids.add(new ModelId(v, ModelId.GWO_NETWORK)));
        }
        return ids;
    }

    /**
     * One block alone: input [batch, in, H, W] → block → output. Deploy/train parity is
     * checked here, where outputs are of order one and depend on the input.
     */
    public static ModelProto blockModel(Block block, BlockSpec spec, Form form, long seed, InitMode init) {
        form.requireBuildable();
        GraphBuilder g = new GraphBuilder();
        ModelContext ctx = new ModelContext(g, form, ParameterSource.initial(seed, init));
        Value input = g.input(INPUT_NAME, BATCH_DIM, spec.inChannels(), spec.inHeight(), spec.inWidth());
        Value out;
        try (var s = g.scope("block")) {
            out = block.emit(ctx, input, spec);
        }
        g.output(out, BATCH_DIM, spec.outChannels(), block.outputSize(spec.inHeight(), spec.stride()),
                block.outputSize(spec.inWidth(), spec.stride()));
        return g.build(block.name() + "_block_" + form.id(), block.description(),
                Map.of("blockbench.block", block.name(), "blockbench.form", form.id()));
    }

    /** Builds from seeded parameters. */
    public static BuiltModel build(ModelId id, Form form, ScaffoldConfig config) {
        return build(id, form, config, Map.of());
    }

    /**
     * Builds with {@code given} parameter values taking precedence over seeded ones. Every
     * given value must be used by the model (train-form names), else the weights belong to
     * another model and the build fails.
     */
    public static BuiltModel build(ModelId id, Form form, ScaffoldConfig config, Map<String, FloatTensor> given) {
        form.requireBuildable();
        ParameterSource source = new ParameterSource(config.seed(), config.init(), given);
        GraphBuilder g = new GraphBuilder();
        ModelContext ctx = new ModelContext(g, form, source);
        Value input = g.input(INPUT_NAME, BATCH_DIM, 3, config.inputSize(), config.inputSize());
        if (id.isGwoNetwork()) {
            Block block = GwoNetwork.layer(id.block());
            Value logits = GwoNetwork.emit(ctx, input, id.block(), config.inputSize());
            return finish(id, form, config, given, source, g, logits, GwoNetwork.CLASSES, block.description(),
                    block.gwo(), 2);
        }
        Block block = BlockRegistry.get(id.block());
        Value logits = Scaffold.emit(ctx, input, block, Position.parse(id.position()), config);
        return finish(id, form, config, given, source, g, logits, config.classes(), block.description(), block.gwo(),
                config.blocksPerStage());
    }

    /**
     * The scaffold with {@code block}'s own stage at {@code position} (a user's block pack); the
     * stem, head and other stages come from the seed as in every zoo model.
     */
    public static BuiltModel build(StageBlock block, Position position, Form form, ScaffoldConfig config) {
        return build(block, position, form, config, Map.of());
    }

    /**
     * As {@link #build(StageBlock, Position, Form, ScaffoldConfig)} with {@code given} values (train-form
     * names) taking precedence over seeded ones for the scaffold's own parameters; the stage's values
     * are the block's own ({@code block} carries trained ones where it has them).
     */
    public static BuiltModel build(StageBlock block, Position position, Form form, ScaffoldConfig config,
                                   Map<String, FloatTensor> given) {
        form.requireBuildable();
        ModelId id = new ModelId(block.name(), position.id());
        ParameterSource source = new ParameterSource(config.seed(), config.init(), given);
        GraphBuilder g = new GraphBuilder();
        ModelContext ctx = new ModelContext(g, form, source);
        Value input = g.input(INPUT_NAME, BATCH_DIM, 3, config.inputSize(), config.inputSize());
        Value logits = Scaffold.emit(ctx, input, block, position, config);
        return finish(id, form, config, given, source, g, logits, config.classes(), block.description(),
                block.gwo(), Scaffold.BLOCKS_PER_STAGE);
    }

    private static BuiltModel finish(ModelId id, Form form, ScaffoldConfig config, Map<String, FloatTensor> given,
                                     ParameterSource source, GraphBuilder g, Value logits, int classes,
                                     String description, org.blockbench.gwo.GwoAnnotation gwo, int instances) {
        g.output(logits, BATCH_DIM, classes);
        if (form == Form.TRAIN && !source.unusedGiven().isEmpty()) {
            throw new BadInputException("weights for " + id + " include tensors the model does not have: "
                    + source.unusedGiven());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("blockbench.block", id.block());
        metadata.put("blockbench.position", id.position());
        metadata.put("blockbench.form", form.id());
        metadata.put("blockbench.classes", Integer.toString(classes));
        metadata.put("blockbench.input_size", Integer.toString(config.inputSize()));
        metadata.put("blockbench.seed", Long.toString(config.seed()));
        metadata.put("blockbench.init", given.isEmpty() ? config.init().id() : "given");
        metadata.put("blockbench.opset", Integer.toString(GraphBuilder.OPSET));
        if (!config.isFullSize() && !id.isGwoNetwork()) {
            // only a reduced scaffold says so: the published one's files stay byte-identical to earlier exports
            metadata.put("blockbench.base_channels", Integer.toString(config.baseChannels()));
            metadata.put("blockbench.blocks_per_stage", Integer.toString(config.blocksPerStage()));
        }
        ModelProto model = g.build(id.block() + "_" + id.position() + "_" + form.id(), description, metadata);
        return new BuiltModel(id, form, model, g.parameters(), gwo, instances);
    }
}
