package org.blockbench.pack;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SeededInput;
import org.blockbench.ort.SessionSettings;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.Scaffold;

/**
 * The dynamic half of a pack's validation: every stage graph (train and deploy) must load in
 * ONNX Runtime and give finite outputs on a seeded standard-normal batch. The stages are the
 * user's, so the work runs in a child JVM ({@link ChildJvm}), one per pack, with a bounded wait
 * ({@value #LIMIT_SECONDS} s). ORT's refusal is an {@link org.blockbench.ort.OrtCallException}
 * naming the file (a crash or a timeout one naming the pack), a NaN or an infinity a one-line
 * {@link BadInputException} naming the file and the position; commands that go on without the
 * pack turn either into a {@link RefusedPack}.
 */
public final class StageProbe implements ChildJvm.Task<StageProbe.Request, String> {

    /** Time for the child: JVM start, then six small sessions. */
    static final long LIMIT_SECONDS = 120;
    static final Duration LIMIT = Duration.ofSeconds(LIMIT_SECONDS);

    /** One stage to probe: its file (for messages), its position's id, its bytes, the input shape [1, C, H, W]. */
    public record Stage(String file, String position, byte[] model, long[] inputShape) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Request(List<Stage> stages) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Needed by {@link ChildJvm}. */
    public StageProbe() {
    }

    /**
     * Probes every stage of {@code pack} for a scaffold of {@code inputSize}² inputs; throws
     * as the class comment says, returns when every stage loads and gives finite outputs.
     */
    public static void check(BlockPack pack, int inputSize) {
        List<Stage> stages = new ArrayList<>();
        for (Position p : Position.values()) {
            PackStage stage = pack.stages().get(p);
            BlockSpec first = Scaffold.firstBlockSpec(p, inputSize);
            long[] shape = {1, first.inChannels(), first.inHeight(), first.inWidth()};
            stages.add(new Stage(stage.trainFile().toString(), p.id(), stage.train().toByteArray(), shape));
            if (stage.deploy() != null) {
                String deploy = stage.trainFile().resolveSibling(p.id() + BlockPackReader.DEPLOY_SUFFIX).toString();
                stages.add(new Stage(deploy, p.id(), stage.deploy().toByteArray(), shape));
            }
        }
        ChildJvm.call(StageProbe.class, new Request(stages), pack.directory().toString(), LIMIT);
    }

    @Override
    public String run(Request request) {
        for (Stage stage : request.stages()) {
            long[] shape = stage.inputShape();
            int n = Math.toIntExact(shape[0] * shape[1] * shape[2] * shape[3]);
            HostTensor input = HostTensor.floats(shape, SeededInput.standardNormal(SeededInput.SEED, n));
            try (InferenceSession s = InferenceSession.load(stage.file(), stage.model(), ModelOrigin.USER,
                    SessionSettings.cpu(1, OptimizationLevel.ALL))) {
                HostTensor out = s.evaluate(Map.of(s.inputNames().get(0), input)).get(s.outputNames().get(0));
                float[] values = out.data();
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite(values[i])) {
                        throw new BadInputException(stage.file() + ": output contains " + values[i] + " at position "
                                + stage.position() + " (element " + i + " of " + java.util.Arrays.toString(out.shape())
                                + " on a seeded standard-normal input); a stage must give finite outputs");
                    }
                }
            }
        }
        return "ok";
    }
}
