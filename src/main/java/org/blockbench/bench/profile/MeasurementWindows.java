package org.blockbench.bench.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
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
    private static final ObjectMapper JSON = JsonFiles.mapper();

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
        ObjectNode root = JSON.createObjectNode().put("profilingStartNanos", profilingStartNanos);
        ArrayNode list = root.putArray("windowsMicros");
        windows.forEach(w -> list.addArray().add(w[0]).add(w[1]));
        AtomicFile.writeString(besideOf(profile), root.toPrettyString());
    }

    /** The windows written beside {@code profile}. */
    public static List<long[]> readBeside(Path profile) {
        Path file = besideOf(profile);
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<long[]> result = new ArrayList<>();
            for (JsonNode w : root.path("windowsMicros")) {
                result.add(new long[] {w.get(0).asLong(), w.get(1).asLong()});
            }
            return result;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read measurement windows (" + e.getMessage() + ")", e);
        }
    }

    /** Where the windows of {@code profile} are written. */
    public static Path besideOf(Path profile) {
        return profile.resolveSibling(profile.getFileName() + SUFFIX);
    }
}
