package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.HostTensor;
import org.blockbench.data.CalibrationSet;
import org.blockbench.quant.OutputFidelity;
import org.blockbench.zoo.Form;
import org.blockbench.quant.VariantMaker;
import org.blockbench.quant.VariantRefusedException;
import org.blockbench.quant.VariantOptions;
import org.blockbench.data.BatchAssembler;
import org.blockbench.data.Dataset;

/**
 * The requested variants of a run's trained deploy form ({@code trained.deploy.onnx}): INT8
 * calibrated on the run's training images (normalised as the recipe), each evaluated through
 * ONNX Runtime on the same validation images as FP32, with its accuracy and its top-1 agreement
 * with FP32 (docs/quantization.md §Accuracy). Variants a finished run lacks are added later
 * without retraining.
 */
final class VariantEvaluation {

    private VariantEvaluation() {
    }

    /** {@code record} plus results for the requested variants it lacks; the same record when none is missing. */
    static RunRecord addMissing(Path dir, RunRecord record, TrainingRun.Request request) {
        VariantOptions options = request.variants();
        List<Form> missing = options.ordered().stream()
                .filter(v -> record.variants().stream().noneMatch(r -> r.variant().equals(v.id()))).toList();
        Path deployFile = dir.resolve(TrainingRun.DEPLOY_FILE);
        if (missing.isEmpty() || !Files.isRegularFile(deployFile)) {
            return record; // no deploy form (a user's ONNX file): parity.deploy_note says why
        }
        ModelProto deploy = OnnxModelFile.read(deployFile);
        Dataset data = request.data();
        TrainingOptions o = request.options();
        BatchAssembler val = new BatchAssembler(data.val(), o.recipe().normalization());
        int[] fp32 = OrtParity.predict(deploy, deployFile.toString(), val, o.evalBatchSize(), o.threads());
        OrtParity.Comparison fp32Acc = OrtParity.compare(val, fp32, fp32);
        CalibrationSet calibration = missing.contains(Form.INT8)
                ? CalibrationSet.draw(data.name(), data.train(), o.recipe().normalization(),
                        Math.min(options.calibrationImages(), data.train().size()), options.calibrationBatch(),
                        options.calibrationSeed())
                : null;
        // the output check's held-out images: validation images, as the accuracy below uses
        int checkImages = Math.min(OutputFidelity.IMAGES, data.val().size());
        HostTensor check = CalibrationSet.draw(data.name(), data.val(), o.recipe().normalization(), checkImages,
                checkImages, options.calibrationSeed()).batches().get(0);
        VariantMaker maker = options.maker();
        List<RunRecord.VariantResult> results = new ArrayList<>();
        for (Form v : missing) {
            VariantMaker.Made made;
            try {
                made = maker.make(v, deploy, calibration, check);
            } catch (VariantRefusedException e) {
                // the trained weights quantize too badly to evaluate: the run keeps its FP32 result, the variant says why
                results.add(RunRecord.VariantResult.refused(v.id(), fp32Acc.accuracy(), e.getMessage()));
                continue;
            }
            String name = "trained." + v.fileName();
            RunRecord.Artefact artefact = TrainingRun.write(dir, name, made.model());
            int[] predictions = OrtParity.predict(made.model(), dir.resolve(name).toString(), val, o.evalBatchSize(),
                    o.threads());
            OrtParity.Comparison c = OrtParity.compare(val, predictions, fp32);
            results.add(new RunRecord.VariantResult(v.id(), c.samples(), c.accuracy(), fp32Acc.accuracy(),
                    100 * (fp32Acc.accuracy() - c.accuracy()), c.agreement(), artefact, made.settings()));
        }
        return record.withVariants(results);
    }
}
