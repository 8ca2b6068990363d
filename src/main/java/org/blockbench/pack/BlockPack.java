package org.blockbench.pack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.blockbench.gwo.GwoAnnotation;
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
}
