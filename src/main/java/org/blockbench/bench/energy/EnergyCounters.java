package org.blockbench.bench.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The energy counters this process can read, or why there are none.
 *
 * @param zones  readable top-level RAPL zones (packages), sorted by directory name
 * @param reason empty when zones were found; otherwise why energy is absent
 */
public record EnergyCounters(List<RaplZone> zones, String reason) {

    /** Where Linux exposes powercap zones. */
    public static final Path POWERCAP = Path.of("/sys/class/powercap");
    /** Why GPU energy is never reported: NVML is not read by this build. */
    public static final String GPU_ENERGY_ABSENT = "GPU energy (NVML) is not read by BlockBench; absent, not estimated";

    public EnergyCounters {
        zones = List.copyOf(zones);
    }

    /** Whether energy can be measured. */
    public boolean available() {
        return !zones.isEmpty();
    }

    /** The counters under {@link #POWERCAP}. */
    public static EnergyCounters discover() {
        return discover(POWERCAP);
    }

    /**
     * The readable package zones under a powercap root ({@code intel-rapl:N} directories,
     * which AMD processors also use, without the {@code intel-rapl:N:M} sub-zones, which a
     * package already includes).
     */
    public static EnergyCounters discover(Path powercap) {
        if (!Files.isDirectory(powercap)) {
            return new EnergyCounters(List.of(), powercap + " does not exist (no powercap driver, or a container without /sys/class/powercap)");
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(powercap)) {
            dirs = list.filter(p -> p.getFileName().toString().matches("intel-rapl:\\d+")).sorted().toList();
        } catch (IOException e) {
            return new EnergyCounters(List.of(), "cannot list " + powercap + ": " + e.getMessage());
        }
        if (dirs.isEmpty()) {
            return new EnergyCounters(List.of(), powercap + " has no RAPL package zone (intel-rapl:N)");
        }
        List<RaplZone> zones = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                String name = Files.readString(dir.resolve("name")).strip();
                long max = Long.parseLong(Files.readString(dir.resolve("max_energy_range_uj")).strip());
                RaplZone zone = new RaplZone(dir, name, max);
                zone.readMicrojoules();
                zones.add(zone);
            } catch (IOException | RuntimeException e) {
                problems.add(dir.resolve("energy_uj") + " is not readable by this user (" + e.getClass().getSimpleName()
                        + "; RAPL counters are often root-only)");
            }
        }
        return zones.isEmpty() ? new EnergyCounters(List.of(), String.join("; ", problems)) : new EnergyCounters(zones, "");
    }
}
