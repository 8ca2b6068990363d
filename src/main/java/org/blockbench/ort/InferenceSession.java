package org.blockbench.ort;

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
import org.blockbench.onnx.OnnxModelFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of an ONNX Runtime session in BlockBench. It owns the session options, the
 * session and, when opened for benchmarking, the input tensor and one pinned output tensor
 * per model output, and closes them newest-first; a second close is harmless; any use after
 * close throws {@link IllegalStateException} naming this type.
 *
 * <p>Two ways to open it:
 * <ul>
 *   <li>{@link #open} (benchmarking: {@code bench}, {@code ab}, {@code overhead}, the sweep's
 *       pre-check): the input is the model's image batch filled from {@link SeededInput#SEED};
 *       one unmeasured inference learns the output shapes and pins them, so {@link #run} is the
 *       inference call and nothing else. Pinned outputs are used when every output is a
 *       non-string tensor; otherwise ORT allocates outputs per call and {@link #outputsPinned()}
 *       says so.</li>
 *   <li>{@link #load} (evaluation on given batches: {@code train}'s ORT parity, {@code analyze
 *       --data} with intermediate values exposed by {@link IntermediateOutputs}): no input of
 *       its own; {@link #evaluate} copies every output out of native memory.</li>
 * </ul>
 *
 * <p>Time limits: session creation and every {@link #evaluate} call wait at most
 * {@link SessionSettings#timeLimit()} ({@link BoundedCall}); the measured {@link #run} is not
 * wrapped (a thread hop would be measured), it runs inside JMH's forked JVM.
 */
public final class InferenceSession implements AutoCloseable {

    static {
        org.blockbench.ort.OrtNatives.initialize();
    }

    private final String model;
    private final ModelOrigin origin;
    private final SessionSettings settings;
    private final ImageInput input;
    private final Deque<AutoCloseable> owned;
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private boolean closed;
    /** Evaluations whose native call has not returned; close waits for them (see {@link #close}). */
    private int running;

    private InferenceSession(String model, ModelOrigin origin, SessionSettings settings, ImageInput input,
                             Deque<AutoCloseable> owned, OrtSession session, Map<String, OnnxTensor> inputs,
                             Map<String, OnnxTensor> pinnedOutputs) {
        this.model = model;
        this.origin = origin;
        this.settings = settings;
        this.input = input;
        this.owned = owned;
        this.session = session;
        this.inputs = inputs;
        this.pinnedOutputs = pinnedOutputs;
    }

    /** {@link #open(Path, SessionSettings, int, ModelOrigin)} for a model file the user gave. */
    public static InferenceSession open(Path modelFile, SessionSettings settings, int batch) {
        return open(modelFile, settings, batch, ModelOrigin.USER);
    }

    /**
     * Opens {@code modelFile} for benchmarking: the session with {@code settings}, its seeded
     * image input for {@code batch}, and its pinned outputs. Any failure closes what was
     * already created and throws {@link OrtCallException} naming the file. ONNX Runtime is given
     * the bytes that {@link OnnxModelFile} read and validated, never the path, so it resolves no
     * location of its own and a file replaced after validation is not what it loads.
     */
    public static InferenceSession open(Path modelFile, SessionSettings settings, int batch, ModelOrigin origin) {
        return open(modelFile, settings, batch, origin, Optional.empty());
    }

    /**
     * {@link #open(Path, SessionSettings, int, ModelOrigin)}, skipping the validation of bytes
     * whose SHA-256 is {@code validatedSha256}: the sweep validated exactly these bytes before it
     * started this JMH fork, and parsing an 18 MB graph again costs each fork about 0.2 s. Bytes
     * with any other hash are validated as always.
     */
    public static InferenceSession open(Path modelFile, SessionSettings settings, int batch, ModelOrigin origin,
                                        Optional<String> validatedSha256) {
        String model = modelFile.toString();
        if (!Files.isRegularFile(modelFile)) {
            throw new OrtCallException(model + ": no such model file");
        }
        byte[] bytes = OnnxModelFile.readBytes(modelFile);
        if (validatedSha256.filter(sha -> sha.equals(OnnxModelFile.sha256(bytes))).isEmpty()) {
            OnnxModelFile.parse(modelFile, bytes);
        }
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        try {
            OrtSession session = createSession(model, origin, settings, owned,
                    (env, options) -> env.createSession(bytes, options));
            ImageInput input = ImageInput.of(model, session.getInputInfo(), batch);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OnnxTensor tensor = OnnxTensor.createTensor(env, SeededInput.directStandardNormal(SeededInput.SEED,
                    input.elements()), input.shape());
            owned.push(tensor);
            Map<String, OnnxTensor> inputs = Map.of(input.name(), tensor);
            // not bounded in-process: benchmark sessions open in JMH's fork or the pre-check's child JVM,
            // whose time limits stop a stuck call; closing a session mid-run here could crash instead
            Map<String, OnnxTensor> pinned = pinOutputs(env, model, origin, session, inputs, owned);
            return new InferenceSession(model, origin, settings, input, owned, session, inputs, pinned);
        } catch (OrtException | RuntimeException e) {
            closeAll(owned);
            if (e instanceof OrtCallException failure) {
                throw failure;
            }
            throw new OrtCallException(origin, model + ": cannot prepare the session (" + settings.provider().cliName()
                    + ", batch " + batch + ")", e);
        }
    }

    /**
     * Opens a serialized graph for evaluation on caller-given inputs ({@link #evaluate}).
     *
     * @param name   how messages name the model (a file, a zoo id)
     * @param model  the serialized {@code ModelProto}
     * @param origin who built the graph, which decides whom a failure blames
     */
    public static InferenceSession load(String name, byte[] model, ModelOrigin origin, SessionSettings settings) {
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        try {
            OrtSession session = createSession(name, origin, settings, owned, (env, options) -> env.createSession(model, options));
            return new InferenceSession(name, origin, settings, null, owned, session, Map.of(), Map.of());
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** How {@link #createSession} makes the native session from the options it owns. */
    @FunctionalInterface
    private interface Creator {
        OrtSession create(OrtEnvironment env, SessionOptions options) throws OrtException;
    }

    /**
     * Creates options and session, waiting at most the settings' time limit, and pushes both
     * onto {@code owned}. Both are made in the bounded call, so that on a timeout the late
     * finisher closes them together: options are never closed while a native call reads them.
     */
    private static OrtSession createSession(String model, ModelOrigin origin, SessionSettings settings,
                                            Deque<AutoCloseable> owned, Creator creator) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        settings.requireProviderAvailable();
        Created created = BoundedCall.call(model + ": creating the session", settings.timeLimit(), () -> {
            SessionOptions options = settings.toSessionOptions();
            try {
                return new Created(options, creator.create(env, options));
            } catch (OrtException | RuntimeException e) {
                options.close();
                if (e instanceof OrtException native_) {
                    throw new OrtCallException(origin, model + ": ONNX Runtime cannot load the model", native_);
                }
                throw e;
            }
        }, late -> {
            if (late != null) {
                late.close();
            }
        });
        owned.push(created.options());
        owned.push(created.session());
        return created.session();
    }

    /** Options and the session made with them, closed session first. */
    private record Created(SessionOptions options, OrtSession session) {
        void close() {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the caller already failed with a timeout; this session was never handed out
            } finally {
                options.close();
            }
        }
    }

    /** Runs once unpinned to learn output shapes, then allocates one reusable tensor per output. */
    private static Map<String, OnnxTensor> pinOutputs(OrtEnvironment env, String model, ModelOrigin origin,
                                                      OrtSession session, Map<String, OnnxTensor> inputs,
                                                      Deque<AutoCloseable> owned) throws OrtException {
        Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
        try (OrtSession.Result first = runOrFail(model, origin, session, inputs)) {
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

    private static OrtSession.Result runOrFail(String model, ModelOrigin origin, OrtSession session,
                                               Map<String, OnnxTensor> inputs) {
        try {
            return session.run(inputs);
        } catch (OrtException e) {
            throw new OrtCallException(origin, model + ": inference failed", e);
        }
    }

    /**
     * One benchmark inference on the seeded input. The caller must close the result (ONNX
     * Runtime Java requires it; with pinned outputs closing releases only the wrapper, the
     * output tensors stay owned here).
     */
    public OrtSession.Result run() {
        requireOpen();
        if (input == null) {
            throw new IllegalStateException("InferenceSession for " + model + " was loaded for evaluation; "
                    + "run() needs a session opened for benchmarking");
        }
        try {
            return pinnedOutputs.isEmpty() ? session.run(inputs) : session.run(inputs, pinnedOutputs);
        } catch (OrtException e) {
            throw new OrtCallException(origin, model + ": inference failed", e);
        }
    }

    /**
     * Runs once on float32 {@code feeds} (by input name) and copies every tensor output out of
     * native memory, by output name; waits at most the settings' time limit.
     */
    public Map<String, HostTensor> evaluate(Map<String, HostTensor> feeds) {
        requireOpen();
        synchronized (this) {
            running++;
        }
        return BoundedCall.call(model + ": inference on inputs " + feeds.keySet(), settings.timeLimit(), () -> {
            try {
                return evaluateNow(feeds);
            } finally {
                callFinished();
            }
        }, late -> { });
    }

    /** A call finished (possibly after its caller gave up): a close that waited for it now closes. */
    private synchronized void callFinished() {
        running--;
        if (closed && running == 0) {
            closeAll(owned);
        }
    }

    private Map<String, HostTensor> evaluateNow(Map<String, HostTensor> feeds) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, HostTensor> e : feeds.entrySet()) {
                tensors.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().data()),
                        e.getValue().shape()));
            }
            Map<String, HostTensor> result = new LinkedHashMap<>();
            try (OrtSession.Result r = session.run(tensors)) {
                for (Map.Entry<String, OnnxValue> out : r) {
                    if (out.getValue() instanceof OnnxTensor t) {
                        result.put(out.getKey(), copy(t));
                    }
                }
            }
            return result;
        } catch (OrtException e) {
            throw new OrtCallException(origin, model + ": ONNX Runtime failed to run the model on inputs "
                    + feeds.keySet(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static HostTensor copy(OnnxTensor t) {
        TensorInfo info = t.getInfo();
        float[] data = null;
        if (info.type == OnnxJavaType.FLOAT) {
            FloatBuffer b = t.getFloatBuffer();
            data = new float[b.remaining()];
            b.get(data);
        }
        return new HostTensor(info.getShape(), onnxNumber(info.onnxType), data);
    }

    /** ORT's element type enum in ONNX {@code TensorProto.DataType} numbering (they differ). */
    private static int onnxNumber(TensorInfo.OnnxTensorType type) {
        String name = type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "");
        try {
            return ai.onnx.proto.OnnxMl.TensorProto.DataType.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** The input fed on every {@link #run}. */
    public ImageInput input() {
        requireBenchmark();
        return input;
    }

    /** The graph's input names, in declaration order. */
    public List<String> inputNames() {
        requireOpen();
        return List.copyOf(session.getInputNames());
    }

    /** The graph's output names, in declaration order. */
    public List<String> outputNames() {
        requireOpen();
        return List.copyOf(session.getOutputNames());
    }

    /** Whether outputs are written into tensors allocated once by {@link #open}. */
    public boolean outputsPinned() {
        return !pinnedOutputs.isEmpty();
    }

    /** Output tensor values of the most recent pinned run, for checks; empty when outputs are not pinned. */
    public Map<String, OnnxTensor> pinnedOutputs() {
        requireOpen();
        return pinnedOutputs;
    }

    /** When ONNX Runtime profiling started, ns since the Unix epoch (only meaningful with profiling on). */
    public long profilingStartNanos() {
        requireOpen();
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
        requireOpen();
        try {
            return Path.of(session.endProfiling());
        } catch (OrtException e) {
            throw new OrtCallException(model + ": cannot end profiling", e);
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("InferenceSession is closed (" + model + ")");
        }
    }

    private void requireBenchmark() {
        requireOpen();
        if (input == null) {
            throw new IllegalStateException("InferenceSession for " + model + " was loaded for evaluation and has no input of its own");
        }
    }

    /**
     * Closes the pinned outputs, the input, the session and its options, newest first.
     * Idempotent. When an evaluation timed out and its native call is still running, the
     * native objects are closed when that call returns, not under it.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (running == 0) {
                closeAll(owned);
            }
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
