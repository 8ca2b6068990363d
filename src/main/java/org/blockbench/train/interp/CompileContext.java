package org.blockbench.train.interp;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * What kernels may use while being compiled: the float type of the computation, and a place
 * to register native objects (constants, scalars) that live as long as the graph.
 */
final class CompileContext {

    private final ScalarType floatType;
    private final TrainingDevice device;
    private final List<Pointer> owned = new ArrayList<>();
    private Device torchDevice;

    CompileContext(ScalarType floatType) {
        this(floatType, TrainingDevice.CPU);
    }

    CompileContext(ScalarType floatType, TrainingDevice device) {
        this.floatType = floatType;
        this.device = device;
    }

    /**
     * A floating-point tensor made at compile time (a parameter, a constant) on the training
     * device: {@code t} itself on the CPU, else its copy on the GPU ({@code t} is then closed).
     * Integer tensors stay on the CPU: the kernels read them into Java arrays (shapes, axes).
     */
    Tensor placed(Tensor t) {
        if (device == TrainingDevice.CPU || !t.is_floating_point()) {
            return t;
        }
        if (torchDevice == null) {
            torchDevice = own(device.torchDevice());
        }
        Tensor moved = t.to(torchDevice, t.scalar_type());
        t.close();
        return moved;
    }

    ScalarType floatType() {
        return floatType;
    }

    /** Keeps {@code p} alive until the graph closes. */
    <T extends Pointer> T own(T p) {
        owned.add(p);
        return p;
    }

    /** A scalar owned by the graph. */
    Scalar scalar(double value) {
        return own(new Scalar(value));
    }

    /** Everything registered, newest first, for the graph to close. */
    List<Pointer> ownedNewestFirst() {
        List<Pointer> list = new ArrayList<>(owned);
        java.util.Collections.reverse(list);
        return list;
    }
}
