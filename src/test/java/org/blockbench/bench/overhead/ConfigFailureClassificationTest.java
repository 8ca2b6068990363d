package org.blockbench.bench.overhead;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.bench.sweep.ConfigFailure;
import org.blockbench.bench.sweep.JmhLockHeldException;
import org.blockbench.io.OutputWriteException;
import org.junit.jupiter.api.Test;

/** Which failures a per-config loop records and goes on, and which stop the command. */
class ConfigFailureClassificationTest {

    @Test
    void aConfigsOwnFailureIsRecorded() {
        assertTrue(ConfigFailure.ownedByConfig(new ConfigFailure("fork died", null)));
        assertTrue(ConfigFailure.ownedByConfig(new BadInputException("model has no deploy graph")));
        assertTrue(ConfigFailure.ownedByConfig(new org.blockbench.ort.OrtCallException(org.blockbench.ort.ModelOrigin.USER,
                "ONNX Runtime cannot load m.onnx", new RuntimeException("bad op"))));
        assertFalse(ConfigFailure.ownedByConfig(new org.blockbench.ort.OrtCallException(org.blockbench.ort.ModelOrigin.BLOCKBENCH,
                "ONNX Runtime cannot load the zoo's ResNetBasicBlock/mid", new RuntimeException("bad op"))));
    }

    @Test
    void aDefectAnUnwritableOutputOrAHeldLockStopsTheCommand() {
        assertFalse(ConfigFailure.ownedByConfig(new NullPointerException()));
        assertFalse(ConfigFailure.ownedByConfig(new IllegalStateException("defect")));
        assertFalse(ConfigFailure.ownedByConfig(new OutputWriteException(Path.of("x"), new AccessDeniedException("x"))));
        assertFalse(ConfigFailure.ownedByConfig(new JmhLockHeldException()));
    }
}
