package org.blockbench.train.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.FloatTensor;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * The state of a model: its trainable parameters (float initializers, {@code requires_grad})
 * and buffers (BatchNormalization running statistics, updated in training mode but not by the
 * optimiser), by initializer name, in the graph's initializer order. It owns the tensors;
 * they are made outside any {@code PointerScope} so that they outlive training steps.
 */
public final class ParameterStore implements AutoCloseable {

    /** What an initializer is to the trainer. */
    public enum Kind {
        /** Updated by the optimiser. */
        TRAINABLE,
        /** Updated in training mode by its operator (BN running statistics), saved with the model. */
        BUFFER
    }

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private boolean closed;

    ParameterStore() {
    }

    void add(String name, Kind kind, Tensor tensor) {
        if (tensors.put(name, tensor) != null) {
            throw new IllegalStateException("initializer '" + name + "' added twice");
        }
        kinds.put(name, kind);
    }

    /** Names of all entries, in initializer order. */
    public List<String> names() {
        checkOpen();
        return List.copyOf(tensors.keySet());
    }

    public Kind kind(String name) {
        checkOpen();
        Kind k = kinds.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no parameter or buffer '" + name + "'");
        }
        return k;
    }

    /** The live tensor (not a copy); in-place changes are seen by the graph. */
    public Tensor tensor(String name) {
        kind(name);
        return tensors.get(name);
    }

    /** Names of the trainable parameters, in initializer order. */
    public List<String> trainableNames() {
        return namesOf(Kind.TRAINABLE);
    }

    /** Names of the buffers, in initializer order. */
    public List<String> bufferNames() {
        return namesOf(Kind.BUFFER);
    }

    /** A new vector of the trainable tensors, for an optimiser; the caller owns the vector. */
    public TensorVector trainableVector() {
        TensorVector v = new TensorVector();
        for (String name : trainableNames()) {
            v.push_back(tensors.get(name));
        }
        return v;
    }

    /** Elements in trainable parameters (what "parameters" means in docs/protocol.md §Scaffold). */
    public long trainableElements() {
        return elements(Kind.TRAINABLE);
    }

    /** Elements in buffers. */
    public long bufferElements() {
        return elements(Kind.BUFFER);
    }

    /** Copies of every entry's current value, float32, in initializer order. */
    public Map<String, FloatTensor> snapshot() {
        checkOpen();
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, TorchTensors.toFloatTensor(t)));
        return Collections.unmodifiableMap(out);
    }

    /** Overwrites entries in place with {@code values} (shapes must match); names not here are rejected. */
    public void load(Map<String, FloatTensor> values) {
        checkOpen();
        try (NoGradGuard guard = new NoGradGuard()) {
            for (Map.Entry<String, FloatTensor> e : values.entrySet()) {
                Tensor target = tensor(e.getKey());
                long[] shape = TorchTensors.shape(target);
                if (!Arrays.equals(shape, e.getValue().shape())) {
                    throw new IllegalArgumentException("'" + e.getKey() + "': shape " + Arrays.toString(shape)
                            + ", given " + Arrays.toString(e.getValue().shape()));
                }
                target.copy_(TorchTensors.fromFloatTensor(e.getValue(), target.scalar_type()));
            }
        }
    }

    /** Writes every entry into {@code archive} under its name. */
    public void save(OutputArchive archive) {
        checkOpen();
        tensors.forEach((name, t) -> archive.write(name, t, kinds.get(name) == Kind.BUFFER));
    }

    /** Reads every entry from {@code archive} into the live tensors (in place). */
    public void restore(InputArchive archive) {
        checkOpen();
        try (NoGradGuard guard = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                Tensor read = new Tensor();
                archive.read(e.getKey(), read, kinds.get(e.getKey()) == Kind.BUFFER);
                e.getValue().copy_(read);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Tensor> list = new ArrayList<>(tensors.values());
        Collections.reverse(list);
        list.forEach(Tensor::close);
    }

    private List<String> namesOf(Kind kind) {
        checkOpen();
        return kinds.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    private long elements(Kind kind) {
        return namesOf(kind).stream().mapToLong(n -> tensors.get(n).numel()).sum();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("ParameterStore is closed");
        }
    }
}
