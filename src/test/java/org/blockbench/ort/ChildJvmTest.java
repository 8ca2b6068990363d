package org.blockbench.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/** Child JVMs: answers and exceptions come back; a native crash or a hang becomes one line and the parent lives on. */
public class ChildJvmTest {

    /** Doubles its request. */
    public static final class Twice implements ChildJvm.Task<Integer, Integer> {
        @Override
        public Integer run(Integer request) {
            return 2 * request;
        }
    }

    /** Fails as a user error would. */
    public static final class Rejects implements ChildJvm.Task<String, String> {
        @Override
        public String run(String request) {
            throw new BadInputException("expected a model, found '" + request + "'");
        }
    }

    /** Writes to address 0 from Java: a SIGSEGV in the child, as a native library's bug would cause. */
    public static final class Segfaults implements ChildJvm.Task<String, String> {
        @Override
        public String run(String request) {
            try {
                Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                f.setAccessible(true);
                sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
                unsafe.putAddress(0, 42);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return "survived";
        }
    }

    /** Never answers. */
    public static final class Hangs implements ChildJvm.Task<String, String> {
        @Override
        public String run(String request) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "woke";
        }
    }

    @Test
    void answersAndExceptionsComeBack() {
        assertEquals(42, ChildJvm.call(Twice.class, 21, "a number", Duration.ofSeconds(60)));
        BadInputException e = assertThrows(BadInputException.class,
                () -> ChildJvm.call(Rejects.class, "x.txt", "x.txt", Duration.ofSeconds(60)));
        assertEquals("expected a model, found 'x.txt'", e.getMessage());
    }

    @Test
    void aCrashedChildIsOneLineAndTheParentLivesOn() {
        OrtCallException e = assertThrows(OrtCallException.class,
                () -> ChildJvm.call(Segfaults.class, "", "m.onnx", Duration.ofSeconds(60)));
        assertEquals("ONNX Runtime crashed (signal 11, SIGSEGV) on m.onnx", e.getMessage());
        assertEquals(ModelOrigin.USER, e.origin());
        assertEquals(42, ChildJvm.call(Twice.class, 21, "a number", Duration.ofSeconds(60)), "the parent still works");
    }

    @Test
    void aHangingChildIsKilledAtTheLimit() {
        long start = System.nanoTime();
        OrtCallException e = assertThrows(OrtCallException.class,
                () -> ChildJvm.call(Hangs.class, "", "slow.onnx", Duration.ofMillis(1500)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("ONNX Runtime timed out after 1.500 s on slow.onnx", e.getMessage());
        // the limit, a JVM start included, and the kill: a few seconds, not the ten minutes the child sleeps
        assertTrue(seconds >= 1.5 && seconds < 10, "killed promptly, took " + seconds + " s");
    }

    @Test
    void deathWithoutABannerNamesTheSignalFromTheStatus() {
        assertEquals("ONNX Runtime crashed (signal 6, SIGABRT)", ChildJvm.death(134, "#  SIGABRT (0x6) at pc=0x0"));
        assertEquals("ONNX Runtime crashed (signal 9)", ChildJvm.death(137, ""));
        assertEquals("the child JVM running ONNX Runtime exited with status 1 without an answer", ChildJvm.death(1, ""));
    }
}
