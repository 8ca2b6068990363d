package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;

/**
 * Makes a {@link Variant} of a deploy-form model: the one entry point export and train use.
 *
 * @param quant how INT8 is calibrated (unused for FP16)
 */
public record VariantMaker(QuantSettings quant) {

    /**
     * A made variant.
     *
     * @param leftInFloat ops left in float32 (INT8: not quantized; FP16: kept float32), op type → count
     * @param settings    the metadata entries the variant carries ({@code blockbench.variant}, {@code blockbench.quant.*}, ...)
     */
    public record Made(Variant variant, ModelProto model, Map<String, Integer> leftInFloat, Map<String, String> settings) {

        /** "Div:12, Erf:12" or "none". */
        public String leftInFloatText() {
            return QdqQuantizer.describe(leftInFloat);
        }
    }

    /** The variant of {@code deploy}; {@code calibration} is read for INT8 only. */
    public Made make(Variant variant, ModelProto deploy, CalibrationSet calibration) {
        return switch (variant) {
            case INT8 -> {
                QdqQuantizer.Result r = QdqQuantizer.quantize(deploy, calibration, quant);
                yield new Made(variant, r.model(), r.floatOps(), r.settings());
            }
            case FP16 -> {
                Fp16Converter.Result r = Fp16Converter.convert(deploy);
                yield new Made(variant, r.model(), r.float32Ops(), r.settings());
            }
        };
    }
}
