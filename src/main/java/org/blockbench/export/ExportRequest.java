package org.blockbench.export;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.quant.VariantOptions;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.ZooSelection;

/**
 * One export, as {@code blockbench export} and the first step of {@code run} ask {@link Exporter#run} for it.
 *
 * @param out        the models directory written (onnx-models)
 * @param config     the scaffold's classes, input size, parameter seed and initial values
 * @param variants   the deployment variants made beside each deploy form
 * @param explain    each INT8 variant's note adds its 5 worst tensors
 * @param selection  the zoo's models, and which of the packs' blocks are exported
 * @param blockPacks block pack directories, exported at the selected positions beside the zoo
 */
public record ExportRequest(Path out, ScaffoldConfig config, VariantOptions variants, boolean explain, ZooSelection selection,
                            List<Path> blockPacks) {

    public ExportRequest {
        blockPacks = List.copyOf(blockPacks);
    }
}
