package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.text.RecordingProgress;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-bench's service: each format measured in turn with its steps shown, and one report written of them. */
class TrainingBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void eachFormatIsMeasuredAndOneReportWritten() {
        TorchRuntime.initialize();
        var model = Zoo.build(ModelId.parse("StandardConv/late"), Form.TRAIN,
                new ScaffoldConfig(ScaffoldConfig.DEFAULT_CLASSES, ScaffoldConfig.DEFAULT_INPUT_SIZE, 0L, InitMode.PYTORCH, 8, 1))
                .model();
        RecordingProgress progress = new RecordingProgress();
        TrainingBenchmark.Result result = TrainingBenchmark.run(new TrainingBenchmark.Request(model, "StandardConv/late",
                List.of(MemoryLayout.NCHW, MemoryLayout.CHANNELS_LAST), 2, 1, 1, 2, dir), progress);
        assertEquals(List.of("nchw", "channels_last"), result.measurements().stream().map(TrainingBenchmark.Measurement::memoryFormat)
                .toList());
        assertEquals(2, result.measurements().get(0).stepSeconds().length);
        assertEquals(List.of("start StandardConv/late nchw 3 STEPS", "stepTo 1", "stepTo 2", "stepTo 3", "close",
                "start StandardConv/late channels_last 3 STEPS", "stepTo 1", "stepTo 2", "stepTo 3", "close"), progress.calls());
        assertTrue(result.report().getFileName().toString().startsWith("train-bench-StandardConv_late-b2-"), result.report().toString());
        assertEquals(2, TrainBenchReport.read(result.report()).results().size());
        assertTrue(Files.isRegularFile(result.report()));
    }

    @Test
    void aBatchOfOneIsRefused() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new TrainingBenchmark.Request(null, "m", List.of(MemoryLayout.NCHW), 1, 1, 0, 1, dir));
        assertEquals("need --batch >= 2, --steps >= 1 and --warmup >= 0, found 1, 1, 0", e.getMessage());
    }
}
