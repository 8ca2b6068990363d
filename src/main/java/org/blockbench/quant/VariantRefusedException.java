package org.blockbench.quant;

import org.blockbench.zoo.Form;
import org.blockbench.RunFailedException;

/**
 * A variant whose output fails {@link OutputFidelity}'s check against FP32: not written. The
 * command that made it goes on with the other models and exits 1, printing this one line.
 */
public final class VariantRefusedException extends RunFailedException {
    private static final long serialVersionUID = 1L;

    private final transient OutputFidelity fidelity;

    public VariantRefusedException(Form variant, OutputFidelity fidelity) {
        super(variant.id() + " variant refused: " + fidelity.describe() + ", below the floor of "
                + OutputFidelity.FLOOR_DB + " dB (docs/quantization.md §Output check)");
        this.fidelity = fidelity;
    }

    /** What was measured. */
    public OutputFidelity fidelity() {
        return fidelity;
    }
}
