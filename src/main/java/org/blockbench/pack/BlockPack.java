package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.StageBlock;

/**
 * A read and validated block pack (docs/own-block.md, format {@value BlockPackReader#FORMAT}):
 * the user's block as a stage graph for each scaffold position. As a {@link StageBlock} it
 * splices the stage of the asked position, train graph or deploy graph by the context's form,
 * with the user's initial weights.
 *
 * @param directory the pack's directory
 * @param gwo       the declared GWO annotation of one block instance (empty when the pack declares none)
 */
public record BlockPack(Path directory, String name, String description, GwoAnnotation gwo,
                        Map<org.blockbench.zoo.Position, PackStage> stages) implements StageBlock {

    public BlockPack {
        stages = Map.copyOf(new EnumMap<>(stages));
    }

    @Override
    public Value emitStage(ModelContext ctx, Value x, BlockSpec first) {
        PackStage stage = stages.get(first.position());
        if (stage == null) {
            throw new IllegalStateException("pack " + name + " has no stage at " + first.position().id());
        }
        return StageSplicer.emit(ctx, ctx.deploy() ? stage.deployGraph() : stage.train().getGraph(), x);
    }

    /** Whether the pack brings its own deploy graph at {@code position} (a re-parameterisation Java cannot redo). */
    public boolean hasOwnDeploy(org.blockbench.zoo.Position position) {
        return stages.get(position).deploy() != null;
    }

    /**
     * This pack with the stage at {@code position} holding {@code trained} values, named as in the
     * scaffold's train form ({@code stageB.0.conv1.weight} for the mid stage's {@code 0.conv1.weight});
     * initializers without a trained value keep theirs. The stage's own deploy graph is dropped, so the
     * deploy form becomes the trained train graph with BatchNorm folded: for packs without a deploy file
     * that is exactly their deploy form; callers must not use it for packs that have one.
     */
    public BlockPack withTrainedStage(org.blockbench.zoo.Position position, Map<String, FloatTensor> trained) {
        PackStage stage = stages.get(position);
        GraphProto.Builder graph = stage.train().getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            FloatTensor value = trained.get(position.stage() + "." + t.getName());
            if (value != null && t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                graph.setInitializer(i, BatchNormFolding.tensor(t.getName(), value));
            }
        }
        ModelProto train = stage.train().toBuilder().setGraph(graph).build();
        Map<org.blockbench.zoo.Position, PackStage> copy = new EnumMap<>(stages);
        copy.put(position, new PackStage(position, stage.trainFile(), train, null));
        return new BlockPack(directory, name, description, gwo, copy);
    }
}
