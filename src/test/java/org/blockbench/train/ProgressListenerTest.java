package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.blockbench.text.RecordingProgress;
import org.junit.jupiter.api.Test;

/** Each epoch is a task of the factory it is given, and each finished epoch one summary line. */
class ProgressListenerTest {

    @Test
    void eachEpochIsOneTaskWithTheRunningLossAndASummaryLine() {
        RecordingProgress progress = new RecordingProgress();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener listener = new ProgressListener("StandardConv/late seed 1", progress,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        listener.epochStarted(1, 2, 50);
        listener.stepDone(1, 25, 1.5, 0.25);
        listener.epochDone(new EpochResult(1, 0.1, 1.25, 0.5, 1.0, 0.625, 2.0, 0.5, 800.0));
        listener.epochStarted(2, 2, 50);
        assertEquals(List.of("start StandardConv/late seed 1 epoch 1/2 50 STEPS", "message  loss 1.5000 acc 0.250", "stepTo 25",
                "close", "start StandardConv/late seed 1 epoch 2/2 50 STEPS"), progress.calls());
        assertEquals("StandardConv/late seed 1 epoch 1: lr 1.00e-01  train loss 1.2500 acc 0.5000  val loss 1.0000 acc 0.6250"
                + "  800.0 img/s  (2.0 s + eval 0.5 s)", bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
