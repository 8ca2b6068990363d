package org.blockbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.zoo.Form;
import org.junit.jupiter.api.Test;

/** Config keys name their files and decide what --resume skips: two models never share one. */
class BenchConfigKeyTest {

    private static String key(String model) {
        return new BenchConfig(model, Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL).key();
    }

    @Test
    void packsWhoseNamesSanitiseAlikeGetDifferentKeys() {
        String dotted = key("My.Block/early");
        String underscored = key("My_Block/early");
        assertNotEquals(dotted, underscored);
        assertTrue(dotted.matches("My_Block-early-[0-9a-f]{8}\\.deploy\\.b1\\.cpu\\.t1\\.all"), dotted);
        assertTrue(underscored.matches("My_Block-early-[0-9a-f]{8}\\.deploy\\.b1\\.cpu\\.t1\\.all"), underscored);
    }

    @Test
    void aFilesKeyIsItsStemAndAHashOfItsPathWhicheverWayItIsSpelt() {
        String key = key(java.nio.file.Path.of("models/net.onnx").toAbsolutePath().toString());
        assertTrue(key.matches("net-[0-9a-f]{8}\\.deploy\\.b1\\.cpu\\.t1\\.all"), key);
        assertEquals(key, key("models/./net.onnx"));
        assertNotEquals(key, key("other/net.onnx"));
    }

    @Test
    void zooKeysStayAsTheyWere() {
        assertEquals("ResNetBasicBlock-early.deploy.b1.cpu.t1.all", key("ResNetBasicBlock/early"));
        assertEquals("StandardConv-gwo-net.deploy.b1.cpu.t1.all", key("StandardConv/gwo-net"));
    }
}
