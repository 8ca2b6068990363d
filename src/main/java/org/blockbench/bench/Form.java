package org.blockbench.bench;

import java.util.Arrays;
import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * Which graph of a zoo model is measured: the train-time graph (all branches, BN separate)
 * or the deploy graph (re-parameterised, fused). Latency is reported on {@link #DEPLOY} by
 * default. A user's own ONNX file is measured as given and recorded as {@link #DEPLOY}.
 */
public enum Form {
    TRAIN("train"),
    DEPLOY("deploy");

    private final String cliName;

    Form(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, in the manifest and in JMH params. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name, case-insensitively. */
    public static Form parse(String name) {
        for (Form f : values()) {
            if (f.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw BadInputException.unknown("form", name, Arrays.stream(values()).map(Form::cliName).toList());
    }
}
