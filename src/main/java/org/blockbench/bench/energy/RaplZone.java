package org.blockbench.bench.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One powercap RAPL zone ({@code /sys/class/powercap/intel-rapl:0}, name {@code package-0}):
 * a cumulative energy counter in microjoules that wraps at {@code max_energy_range_uj}.
 *
 * @param dir                the zone's sysfs directory
 * @param name               the zone's name (content of its {@code name} file)
 * @param maxRangeMicrojoules the value at which {@code energy_uj} wraps to 0
 */
public record RaplZone(Path dir, String name, long maxRangeMicrojoules) {

    /** The counter's current value, µJ. */
    public long readMicrojoules() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("energy_uj")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("energy_uj"), e);
        }
    }

    /** Energy between two readings, µJ, allowing for one wrap of the counter. */
    public long deltaMicrojoules(long before, long after) {
        return after >= before ? after - before : after + maxRangeMicrojoules - before;
    }
}
