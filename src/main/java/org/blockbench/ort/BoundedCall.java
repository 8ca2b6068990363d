package org.blockbench.ort;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one in-process ONNX Runtime call with a bounded wait. A native call cannot be
 * interrupted, so on timeout the caller is released with an {@link OrtCallException} while
 * the call goes on in its daemon thread; when it finishes later, {@code late} receives its
 * result ({@code null} if it failed), to close it or whatever the call was using. The bound frees the caller, not the CPU: where a stuck call must
 * not keep burning a core, run it in a child process ({@link ChildJvm}) instead.
 */
final class BoundedCall {

    private BoundedCall() {
    }

    static <T> T call(String what, Duration limit, Callable<T> task, Consumer<T> late) {
        CompletableFuture<T> future = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong finished = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        Thread worker = new Thread(() -> {
            try {
                T value = task.call();
                finished.set(System.nanoTime());
                future.complete(value);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "ort-bounded-call");
        worker.setDaemon(true);
        worker.start();
        try {
            T value = future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (finished.get() - started > limit.toNanos()) {
                // done after its limit, but before this thread looked: the limit is the call's, not the scheduler's
                late.accept(value);
                throw timedOut(what, limit);
            }
            return value;
        } catch (TimeoutException e) {
            future.whenComplete((value, error) -> late.accept(value));
            throw timedOut(what, limit);
        } catch (InterruptedException e) {
            future.whenComplete((value, error) -> late.accept(value));
            Thread.currentThread().interrupt();
            throw new OrtCallException(what + ": interrupted while waiting for ONNX Runtime");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new OrtCallException(what, cause);
        }
    }

    private static OrtCallException timedOut(String what, Duration limit) {
        return new OrtCallException(what + ": ONNX Runtime timed out after " + seconds(limit)
                + " s (the native call keeps running in the background until it returns)");
    }

    static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? Long.toString(limit.toSeconds())
                : String.format(java.util.Locale.ROOT, "%.3f", limit.toMillis() / 1000.0);
    }
}
