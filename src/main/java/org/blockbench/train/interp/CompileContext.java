package org.blockbench.train.interp;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * What kernels may use while being compiled: the float type of the computation, and a place
 * to register native objects (constants, scalars) that live as long as the graph.
 */
final class CompileContext {

    private final ScalarType floatType;
    private final List<Pointer> owned = new ArrayList<>();

    CompileContext(ScalarType floatType) {
        this.floatType = floatType;
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
