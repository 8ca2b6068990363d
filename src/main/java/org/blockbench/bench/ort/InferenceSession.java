package org.blockbench.bench.ort;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.onnx.OrtCallException;

/**
 * One ready-to-run ONNX Runtime session: it owns the session options, the session, the input
 * tensor (seeded N(0, 1) values in a direct buffer, shaped by {@link ImageInput}) and one
 * pinned output tensor per model output, and closes them newest-first. After
 * {@link #open} nothing is allocated per call except what ONNX Runtime Java itself allocates
 * (the {@code Result} wrapper), so {@link #run} is the inference call and nothing else.
 *
 * <p>{@link #open} performs one unmeasured inference to learn the output shapes; pinned
 * outputs are used when every output is a non-string tensor, which is true of every image
 * model we know of; otherwise ONNX Runtime allocates outputs per call and
 * {@link #outputsPinned()} says so.
 */
public final class InferenceSession implements AutoCloseable {

    /** Seed of the generated input values; fixed so that every run feeds the same tensor. */
    public static final long INPUT_SEED = 20240601L;

    private final String model;
    private final ImageInput input;
    private final Deque<AutoCloseable> owned;
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private boolean closed;

    private InferenceSession(String model, ImageInput input, Deque<AutoCloseable> owned, OrtSession session,
                             Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> pinnedOutputs) {
        this.model = model;
        this.input = input;
        this.owned = owned;
        this.session = session;
        this.inputs = inputs;
        this.pinnedOutputs = pinnedOutputs;
    }

    /**
     * Creates the session for {@code modelFile} with {@code settings}, its input for
     * {@code batch}, and its pinned outputs. Any failure closes what was already created and
     * throws {@link OrtCallException} naming the file.
     */
    public static InferenceSession open(Path modelFile, SessionSettings settings, int batch) {
        String model = modelFile.toString();
        if (!Files.isRegularFile(modelFile)) {
            throw new OrtCallException(model + ": no such model file");
        }
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            SessionOptions options = settings.toSessionOptions();
            owned.push(options);
            OrtSession session = createSession(env, model, options);
            owned.push(session);
            ImageInput input = ImageInput.of(model, session.getInputInfo(), batch);
            OnnxTensor tensor = OnnxTensor.createTensor(env, seededImage(input.elements()), input.shape());
            owned.push(tensor);
            Map<String, OnnxTensor> inputs = Map.of(input.name(), tensor);
            Map<String, OnnxTensor> pinned = pinOutputs(env, model, session, inputs, owned);
            return new InferenceSession(model, input, owned, session, inputs, pinned);
        } catch (OrtException | RuntimeException e) {
            closeAll(owned);
            if (e instanceof OrtCallException failure) {
                throw failure;
            }
            throw new OrtCallException(model + ": cannot prepare the session (" + settings.provider().cliName()
                    + ", batch " + batch + ")", e);
        }
    }

    private static OrtSession createSession(OrtEnvironment env, String model, SessionOptions options) {
        try {
            return env.createSession(model, options);
        } catch (OrtException e) {
            throw new OrtCallException(model + ": ONNX Runtime cannot load the model", e);
        }
    }

    /** Runs once unpinned to learn output shapes, then allocates one reusable tensor per output. */
    private static Map<String, OnnxTensor> pinOutputs(OrtEnvironment env, String model, OrtSession session,
                                                      Map<String, OnnxTensor> inputs, Deque<AutoCloseable> owned)
            throws OrtException {
        Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
        try (OrtSession.Result first = runOrFail(model, session, inputs)) {
            for (Map.Entry<String, OnnxValue> out : first) {
                if (!(out.getValue() instanceof OnnxTensor tensor) || tensor.getInfo().type == OnnxJavaType.STRING
                        || tensor.getInfo().type == OnnxJavaType.UNKNOWN) {
                    return Map.of();
                }
                TensorInfo info = tensor.getInfo();
                ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(info.getNumElements() * info.type.size))
                        .order(ByteOrder.nativeOrder());
                OnnxTensor target = OnnxTensor.createTensor(env, buffer, info.getShape(), info.type);
                owned.push(target);
                pinned.put(out.getKey(), target);
            }
        }
        return Map.copyOf(pinned);
    }

    private static OrtSession.Result runOrFail(String model, OrtSession session, Map<String, OnnxTensor> inputs) {
        try {
            return session.run(inputs);
        } catch (OrtException e) {
            throw new OrtCallException(model + ": inference failed", e);
        }
    }

    /** N(0, 1) values from {@link #INPUT_SEED}, in a direct buffer that ONNX Runtime reads without copying. */
    static FloatBuffer seededImage(long elements) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(elements * Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        SplittableRandom random = new SplittableRandom(INPUT_SEED);
        for (long i = 0; i < elements; i++) {
            buffer.put((float) random.nextGaussian());
        }
        return buffer.rewind();
    }

    /**
     * One inference. The caller must close the result (ONNX Runtime Java requires it; with
     * pinned outputs closing releases only the wrapper, the output tensors stay owned here).
     */
    public OrtSession.Result run() {
        if (closed) {
            throw new IllegalStateException("InferenceSession is closed (" + model + ")");
        }
        try {
            return pinnedOutputs.isEmpty() ? session.run(inputs) : session.run(inputs, pinnedOutputs);
        } catch (OrtException e) {
            throw new OrtCallException(model + ": inference failed", e);
        }
    }

    /** The input fed on every call. */
    public ImageInput input() {
        return input;
    }

    /** Whether outputs are written into tensors allocated once by {@link #open}. */
    public boolean outputsPinned() {
        return !pinnedOutputs.isEmpty();
    }

    /** Output tensor values of the most recent pinned run, for checks; empty when outputs are not pinned. */
    public Map<String, OnnxTensor> pinnedOutputs() {
        return pinnedOutputs;
    }

    /** When ONNX Runtime profiling started, ns since the Unix epoch (only meaningful with profiling on). */
    public long profilingStartNanos() {
        try {
            return session.getProfilingStartTimeInNs();
        } catch (OrtException e) {
            throw new OrtCallException(model + ": cannot read the profiling start time", e);
        }
    }

    /**
     * Stops ONNX Runtime profiling and returns the profile file it wrote. Only valid when the
     * settings asked for profiling.
     */
    public Path endProfiling() {
        if (closed) {
            throw new IllegalStateException("InferenceSession is closed (" + model + ")");
        }
        try {
            return Path.of(session.endProfiling());
        } catch (OrtException e) {
            throw new OrtCallException(model + ": cannot end profiling", e);
        }
    }

    /** Closes the pinned outputs, the input, the session and its options, newest first. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeAll(owned);
        }
    }

    private static void closeAll(Deque<AutoCloseable> owned) {
        RuntimeException first = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new OrtCallException("cannot close an ONNX Runtime object", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
