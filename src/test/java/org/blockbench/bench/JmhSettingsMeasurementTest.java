package org.blockbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

/** The seconds a config spends inside measurement iterations, which bench's measurement share is made of. */
class JmhSettingsMeasurementTest {

    @Test
    void forksTimesIterationsTimesIterationTimeTimesModes() {
        JmhSettings run = new JmhSettings(Optional.of(1), Optional.of(1), Optional.of(TimeValue.milliseconds(300)), Optional.of(1),
                Optional.of(TimeValue.milliseconds(300)), List.of(Mode.SampleTime), TimeUnit.MILLISECONDS);
        assertEquals(0.3, run.measurementSecondsPerConfig(), 1e-12, "run's quick sweep: 1 fork x 1 x 300 ms per round");
        assertEquals(3.0, JmhSettings.quick().measurementSecondsPerConfig(), 1e-12, "1 fork x 3 x 1 s");
        assertEquals(250.0, JmhSettings.jmhDefaults().measurementSecondsPerConfig(), 1e-12, "JMH's 5 forks x 5 x 10 s");
        JmhSettings twoModes = new JmhSettings(Optional.of(2), Optional.empty(), Optional.empty(), Optional.of(2),
                Optional.of(TimeValue.seconds(1)), List.of(Mode.SampleTime, Mode.AverageTime), TimeUnit.MILLISECONDS);
        assertEquals(8.0, twoModes.measurementSecondsPerConfig(), 1e-12, "each mode is measured on its own");
    }
}
