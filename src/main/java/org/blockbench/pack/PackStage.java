package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.zoo.Position;

/**
 * One position of a block pack: the validated train-form stage graph and, when the pack brings
 * one, the deploy-form graph.
 *
 * @param trainFile  where the train graph was read, for messages
 * @param deploy     the deploy graph, or null: the deploy form is then the train graph with BN folded
 */
public record PackStage(Position position, Path trainFile, ModelProto train, ModelProto deploy) {

    /** The graph the deploy form splices: the pack's own deploy graph, else the train graph with BN folded into convs. */
    public GraphProto deployGraph() {
        return deploy != null ? deploy.getGraph() : BatchNormFolding.fold(train.getGraph());
    }

    public Optional<ModelProto> deployModel() {
        return Optional.ofNullable(deploy);
    }
}
