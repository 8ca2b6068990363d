package org.blockbench.quant;

import org.blockbench.data.CalibrationSet;
import org.blockbench.zoo.Form;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;

/**
 * Makes a {@link org.blockbench.zoo.Form} variant of a deploy-form model: the one entry point export and train use.
 *
 * @param quant how INT8 is calibrated (unused for FP16)
 */
public record VariantMaker(QuantSettings quant) {

    /**
     * A made variant.
     *
     * @param leftInFloat ops left in float32 (INT8: not quantized; FP16: kept float32), op type → count
     * @param settings    the metadata entries the variant carries ({@code blockbench.variant}, {@code blockbench.quant.*}, ...)
     * @param fidelity    its output against FP32 on held-out images, checked against {@link OutputFidelity#FLOOR_DB}
     * @param quantization INT8: what the quantizer did, for {@link TensorErrorReport}; FP16: null
     */
    public record Made(Form variant, ModelProto model, Map<String, Integer> leftInFloat, Map<String, String> settings,
                       OutputFidelity fidelity, QdqQuantizer.Result quantization) {

        /** "Div:12, Erf:12" or "none". */
        public String leftInFloatText() {
            return QdqQuantizer.describe(leftInFloat);
        }
    }

    /**
     * The variant of {@code deploy}; {@code calibration} is read for INT8 only; {@code check} is a
     * batch of held-out images (normalised as calibration's) its output is checked on.
     *
     * @throws VariantRefusedException when its output on {@code check} fails {@link OutputFidelity#acceptable()}
     */
    public Made make(Form variant, ModelProto deploy, CalibrationSet calibration, org.blockbench.ort.HostTensor check) {
        ModelProto model;
        Map<String, Integer> leftInFloat;
        Map<String, String> settings;
        QdqQuantizer.Result quantization = null;
        switch (variant) {
            case INT8 -> {
                QdqQuantizer.Result r = QdqQuantizer.quantize(deploy, calibration, quant);
                quantization = r;
                model = r.model();
                leftInFloat = r.floatOps();
                settings = r.settings();
            }
            case FP16 -> {
                Fp16Converter.Result r = Fp16Converter.convert(deploy);
                model = r.model();
                leftInFloat = r.float32Ops();
                settings = r.settings();
            }
            default -> throw new IllegalStateException("variant " + variant);
        }
        OutputFidelity fidelity = OutputFidelity.measure(deploy, model, check);
        if (!fidelity.acceptable()) {
            throw new VariantRefusedException(variant, fidelity);
        }
        return new Made(variant, model, leftInFloat, settings, fidelity, quantization);
    }
}
