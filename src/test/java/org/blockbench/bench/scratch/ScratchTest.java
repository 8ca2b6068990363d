package org.blockbench.bench.scratch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.*;
import java.util.*;
import org.blockbench.bench.*;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.*;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.*;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        System.setProperty("jmh.ignoreLock", "true"); Path dir = Path.of("/tmp/scratch-bench");
        TinyModels.zoo(dir, List.of("A", "B"), List.of("early"));
        Files.writeString(dir.resolve("corrupt.onnx"), "garbage");
        for (String model : List.of("A/early", dir.resolve("corrupt.onnx").toString())) {
            ChainedOptionsBuilder b = new OptionsBuilder().include(OrtInferenceBenchmark.class.getName() + ".run")
                .param("model", model).forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(200))
                .jvmArgsAppend("-Dblockbench.models=" + dir, "-Dblockbench.ortProfileDir=/tmp/scratch-bench/prof")
                .addProfiler("gc").shouldFailOnError(true).output("/tmp/scratch-bench/" + model.replace('/', '_') + ".log");
            try {
                Collection<RunResult> r = new Runner(b.build()).run();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(bytes, true, "UTF-8")).writeOut(r);
                Files.writeString(Path.of("/tmp/scratch-bench/out.json"), bytes.toString("UTF-8"));
            } catch (Exception e) {
                System.out.println("FAILED: " + e);
                e.printStackTrace(System.out);
            }
        }
    }
}
