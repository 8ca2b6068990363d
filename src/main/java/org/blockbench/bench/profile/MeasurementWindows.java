package org.blockbench.bench.profile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.io.JsonFiles;

/**
 * When JMH's measurement iterations ran, on the clock of an ONNX Runtime profile (µs after
 * profiling started), so that the profile's {@code model_run} events of exactly the measured
 * iterations can be picked out. ONNX Runtime stamps profiling start in nanoseconds since the
 * Unix epoch (its high-resolution clock is the system clock); the windows are taken from
 * {@link Instant#now()} on the same clock. Recorded in the forked JVM, written beside the
 * profile as {@code <profile>.windows.json}.
 */
public final class MeasurementWindows {

    private static final String SUFFIX = ".windows.json";

    /**
     * The schema of {@code <profile>.windows.json}, shared by the fork that writes it and the
     * overhead run that reads it; snake_case keys.
     *
     * @param format              {@value #FORMAT}
     * @param profilingStartNanos when the profile started, ns since the epoch
     * @param windowsMicros       the measured iterations, {start, end} in µs after profiling started
     */
    public record File(String format, long profilingStartNanos, List<long[]> windowsMicros) {

        /** The format tag. */
        public static final String FORMAT = "blockbench-measurement-windows/1";
    }

    private final long profilingStartNanos;
    private final List<long[]> windows = new ArrayList<>();
    private long openStart = -1;

    /** Windows relative to a profile that started at {@code profilingStartNanos} (ns since the epoch). */
    public MeasurementWindows(long profilingStartNanos) {
        this.profilingStartNanos = profilingStartNanos;
    }

    /** Marks the start of a measured iteration. */
    public void begin() {
        openStart = nowMicrosSinceStart();
    }

    /** Marks the end of the measured iteration begun last. */
    public void end() {
        if (openStart < 0) {
            throw new IllegalStateException("MeasurementWindows.end() without begin()");
        }
        windows.add(new long[] {openStart, nowMicrosSinceStart()});
        openStart = -1;
    }

    /** The windows so far, {start, end} in µs after profiling started. */
    public List<long[]> windows() {
        return windows.stream().map(long[]::clone).toList();
    }

    private long nowMicrosSinceStart() {
        Instant now = Instant.now();
        long epochMicros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000L);
        return epochMicros - profilingStartNanos / 1000L;
    }

    /** Writes the windows beside {@code profile}. */
    public void writeBeside(Path profile) {
        JsonFiles.writeVersioned(besideOf(profile), new File(File.FORMAT, profilingStartNanos, windows()));
    }

    /** The windows written beside {@code profile}. */
    public static List<long[]> readBeside(Path profile) {
        return JsonFiles.readVersioned(besideOf(profile), File.FORMAT, File.class, "the profiled JMH fork").windowsMicros();
    }

    /** Where the windows of {@code profile} are written. */
    public static Path besideOf(Path profile) {
        return profile.resolveSibling(profile.getFileName() + SUFFIX);
    }
}
