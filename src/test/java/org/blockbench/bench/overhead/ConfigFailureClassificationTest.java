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
        assertTrue(OverheadRunner.configFailure(new ConfigFailure("fork died", null)));
        assertTrue(OverheadRunner.configFailure(new BadInputException("model has no deploy graph")));
    }

    @Test
    void aDefectAnUnwritableOutputOrAHeldLockStopsTheCommand() {
        assertFalse(OverheadRunner.configFailure(new NullPointerException()));
        assertFalse(OverheadRunner.configFailure(new IllegalStateException("defect")));
        assertFalse(OverheadRunner.configFailure(new OutputWriteException(Path.of("x"), new AccessDeniedException("x"))));
        assertFalse(OverheadRunner.configFailure(new JmhLockHeldException()));
    }
}
