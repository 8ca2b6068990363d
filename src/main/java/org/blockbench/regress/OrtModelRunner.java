package org.blockbench.regress;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.BadInputException;
import org.blockbench.bench.ort.OptimizationLevel;
import org.blockbench.onnx.OrtCallException;

/**
 * One ONNX model ready to run on the CPU: owns the session options, the session and one
 * seeded float input tensor, and closes them newest-first. Built once per JMH trial; the
 * measured call is {@link #run()}, which allocates nothing but ORT's own output.
 */
public final class OrtModelRunner implements AutoCloseable {

    private final String description;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final OnnxTensor input;
    private final Map<String, OnnxTensor> inputs;
    private boolean closed;

    private OrtModelRunner(String description, OrtSession.SessionOptions options, OrtSession session,
            OnnxTensor input, String inputName) {
        this.description = description;
        this.options = options;
        this.session = session;
        this.input = input;
        this.inputs = Map.of(inputName, input);
    }

    /**
     * Opens {@code model} with {@code intraOpThreads} threads (inter-op 1, sequential
     * execution) at the given optimisation level, and makes an input of batch {@code batch}
     * (the first dimension, if symbolic) filled with seeded standard-normal values.
     *
     * @throws BadInputException if the file is missing, the level unknown, or the model's
     *         first input is not a float tensor with fixed non-batch dimensions
     */
    public static OrtModelRunner open(Path model, int intraOpThreads, String optimizationLevel, int batch) {
        if (!Files.isRegularFile(model)) {
            throw new BadInputException("model file " + model + " does not exist or is not a file");
        }
        if (intraOpThreads < 1 || batch < 1) {
            throw new BadInputException("threads and batch must be >= 1, found threads=" + intraOpThreads
                    + " batch=" + batch);
        }
        OrtSession.SessionOptions.OptLevel level = OptimizationLevel.parse(optimizationLevel).ortLevel();
        String description = model + " (threads=" + intraOpThreads + ", opt=" + optimizationLevel + ", batch=" + batch + ")";
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(level);
            try {
                session = env.createSession(model.toString(), options);
            } catch (OrtException e) {
                throw new OrtCallException("ONNX Runtime cannot load " + model, e);
            }
            Map.Entry<String, NodeInfo> first = session.getInputInfo().entrySet().iterator().next();
            long[] shape = inputShape(model, first.getKey(), first.getValue(), batch);
            OnnxTensor tensor = OnnxTensor.createTensor(env, seededInput(shape), shape);
            return new OrtModelRunner(description, options, session, tensor, first.getKey());
        } catch (OrtException e) {
            closeQuietly(session);
            options.close();
            throw new OrtCallException("preparing " + description, e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            options.close();
            throw e;
        }
    }

    /** One inference; the outputs are closed before returning. Returns their count, for a Blackhole. */
    public long run() {
        if (closed) {
            throw new IllegalStateException("OrtModelRunner is closed: " + description);
        }
        try (OrtSession.Result result = session.run(inputs)) {
            return result.size();
        } catch (OrtException e) {
            throw new OrtCallException("running " + description, e);
        }
    }

    /** What runs: file, threads, optimisation level, batch. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        input.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new OrtCallException("closing " + description, e);
        } finally {
            options.close();
        }
    }

    private static long[] inputShape(Path model, String name, NodeInfo info, int batch) {
        if (!(info.getInfo() instanceof TensorInfo tensor)
                || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new BadInputException("model " + model + ": input '" + name
                    + "' must be a float tensor, found " + info.getInfo());
        }
        long[] shape = tensor.getShape().clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                if (i != 0) {
                    throw new BadInputException("model " + model + ": input '" + name + "' has symbolic dimension "
                            + i + " in shape " + Arrays.toString(tensor.getShape()) + "; only the first (batch) may be symbolic");
                }
                shape[i] = batch;
            }
        }
        return shape;
    }

    private static FloatBuffer seededInput(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        FloatBuffer data = FloatBuffer.allocate(Math.toIntExact(n));
        SplittableRandom random = new SplittableRandom(1234);
        for (int i = 0; i < n; i++) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            data.put((float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)));
        }
        return data.flip();
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
