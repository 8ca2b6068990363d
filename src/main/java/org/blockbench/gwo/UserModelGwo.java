package org.blockbench.gwo;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.onnx.OnnxModelFile;

/** The GWO complexity of a user's ONNX file, from its {@link GwoSidecar} and its initializers. */
public final class UserModelGwo {

    private UserModelGwo() {
    }

    /** C_D and the dynamic parameters of {@code onnxFile}, or empty when it has no sidecar. */
    public static Optional<GwoComplexity> complexity(Path onnxFile) {
        Optional<GwoSidecar> sidecar = GwoSidecar.findFor(onnxFile);
        if (sidecar.isEmpty()) {
            return Optional.empty();
        }
        GwoSidecar s = sidecar.get();
        long dynamic = 0;
        if (!s.annotation().dynamicSubnetworks().isEmpty()) {
            ModelProto model = OnnxModelFile.read(onnxFile);
            dynamic = DynamicParameterCount.total(model, s.annotation(), onnxFile.toString());
        }
        return Optional.of(new GwoComplexity(s.descriptiveComplexity(), dynamic));
    }
}
