package org.blockbench.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.blockbench.BadInputException;

/** A deployment variant of a model's deploy form; FP32 (the deploy form itself) is the baseline. */
public enum Variant {
    INT8("int8"),
    FP16("fp16");

    /** The value of {@code blockbench.variant} in a variant's metadata, and of the manifest's variant field. */
    public static final String METADATA_KEY = "blockbench.variant";

    private final String id;

    Variant(String id) {
        this.id = id;
    }

    /** The name on the command line and in results ({@code int8}, {@code fp16}). */
    public String id() {
        return id;
    }

    /** The file beside {@code deploy.onnx}: {@code deploy.int8.onnx}, {@code deploy.fp16.onnx}. */
    public String fileName() {
        return "deploy." + id + ".onnx";
    }

    /** The variant called {@code id}; unknown names are bad input listing the valid ones. */
    public static Variant parse(String id) {
        return BadInputException.byName("variant", id, values(), Variant::id);
    }

    /** Variants named in a comma-separated list (or several), in declaration order, each once. */
    public static Set<Variant> parseList(List<String> items) {
        Set<Variant> out = EnumSet.noneOf(Variant.class);
        for (String item : items) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part));
                }
            }
        }
        return out;
    }

    /** The valid names. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        Arrays.stream(values()).forEach(v -> out.add(v.id));
        return out;
    }
}
