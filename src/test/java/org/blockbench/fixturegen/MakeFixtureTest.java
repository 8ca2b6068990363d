package org.blockbench.fixturegen;

import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.bench.TinyModels;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class MakeFixtureTest {
    @Test
    void make() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path dir = Path.of("/tmp/blockbench-fixture");
        Files.createDirectories(dir);
        Path model = TinyModels.convNet(dir.resolve("tiny.onnx"), 4, 2, 0);
        new Runner(new OptionsBuilder()
                .include("^" + OrtInferenceBenchmark.class.getName().replace(".", "\\.") + "\\.run$")
                .param("model", model.toString()).param("batch", "1")
                .forks(2).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(100))
                .mode(org.openjdk.jmh.annotations.Mode.SampleTime)
                .timeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .result(dir.resolve("results.json").toString()).resultFormat(ResultFormatType.JSON).build()).run();
    }
}
