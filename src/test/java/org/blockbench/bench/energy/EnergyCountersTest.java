package org.blockbench.bench.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.ScalarResult;

/** Discovery and arithmetic over a powercap tree laid out as Linux lays it out. */
class EnergyCountersTest {

    @TempDir
    Path powercap;

    private Path zone(String dir, String name, long energy, long max) throws Exception {
        Path z = Files.createDirectories(powercap.resolve(dir));
        Files.writeString(z.resolve("name"), name + "\n");
        Files.writeString(z.resolve("energy_uj"), energy + "\n");
        Files.writeString(z.resolve("max_energy_range_uj"), max + "\n");
        return z;
    }

    @Test
    void findsPackageZonesButNotTheirSubZones() throws Exception {
        zone("intel-rapl:0", "package-0", 100, 1000);
        zone("intel-rapl:0:0", "core", 50, 1000);
        zone("intel-rapl:1", "package-1", 7, 1000);
        EnergyCounters c = EnergyCounters.discover(powercap);
        assertTrue(c.available());
        assertEquals(List.of("package-0", "package-1"), c.zones().stream().map(RaplZone::name).toList());
    }

    @Test
    void absentCountersSayWhy() {
        EnergyCounters missing = EnergyCounters.discover(powercap.resolve("nope"));
        assertFalse(missing.available());
        assertTrue(missing.reason().contains("does not exist"), missing.reason());
        EnergyCounters empty = EnergyCounters.discover(powercap);
        assertEquals(powercap + " has no RAPL package zone (intel-rapl:N)", empty.reason());
    }

    @Test
    void deltaAllowsOneWrapOfTheCounter() {
        RaplZone z = new RaplZone(powercap, "package-0", 1000);
        assertEquals(300, z.deltaMicrojoules(100, 400));
        assertEquals(150, z.deltaMicrojoules(900, 50));
    }

    @Test
    void profilerReportsJoulesPerOperationPerZone() throws Exception {
        Path z = zone("intel-rapl:0", "package-0", 999_000_000L, 1_000_000_000L);
        RaplEnergyProfiler profiler = new RaplEnergyProfiler(EnergyCounters.discover(powercap));
        profiler.beforeIteration(null, null);
        Files.writeString(z.resolve("energy_uj"), "3000000\n"); // wrapped: 1 J to the wrap + 3 J after
        List<ScalarResult> results = profiler.perOperation(200);
        assertEquals(1, results.size());
        assertEquals("energy.package-0", results.get(0).getLabel());
        assertEquals("J/op", results.get(0).getScoreUnit());
        assertEquals(4.0 / 200, results.get(0).getScore(), 1e-12);
    }
}
