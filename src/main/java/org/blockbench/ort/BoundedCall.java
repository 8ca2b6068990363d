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
        Thread worker = new Thread(() -> {
            try {
                future.complete(task.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "ort-bounded-call");
        worker.setDaemon(true);
        worker.start();
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.whenComplete((value, error) -> late.accept(value));
            throw new OrtCallException(what + ": ONNX Runtime timed out after " + seconds(limit)
                    + " s (the native call keeps running in the background until it returns)");
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

    static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? Long.toString(limit.toSeconds())
                : String.format(java.util.Locale.ROOT, "%.3f", limit.toMillis() / 1000.0);
    }
}
