package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blockbench.BadInputException;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** LibTorch's refusals are bad input (exit 2); Java exceptions from our own code stay defects. */
class GraphExecutionExceptionTest {

    @Test
    void libTorchErrorsArePlainRuntimeExceptionsFromJavaCpp() {
        TorchRuntime.initialize();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> torch.matmul(torch.zeros(2, 3), torch.zeros(4, 5)));
        assertTrue(GraphExecutionException.isLibTorchError(e), e.getClass().getName());
        assertFalse(GraphExecutionException.firstLine(e).contains("\n"));
    }

    @Test
    void javaExceptionsAreNotLibTorchErrors() {
        assertFalse(GraphExecutionException.isLibTorchError(new NullPointerException()));
        assertFalse(GraphExecutionException.isLibTorchError(new IllegalStateException()));
        assertTrue(new GraphExecutionException("m: node failed") instanceof BadInputException);
        assertEquals("first", GraphExecutionException.firstLine(new RuntimeException("first\nsecond")));
    }
}
