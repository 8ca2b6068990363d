package org.blockbench.export;

import java.util.Map;
import java.util.TreeMap;

/**
 * One deployment variant of a model's deploy form as the manifest records it
 * (docs/quantization.md).
 *
 * @param variant  {@code int8} or {@code fp16}
 * @param file     the written {@code deploy.<variant>.onnx}
 * @param settings the variant's metadata: calibration method and set, formats, ops left in float
 */
public record VariantFile(String variant, ModelFile file, Map<String, String> settings) {

    public VariantFile {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
    }
}
