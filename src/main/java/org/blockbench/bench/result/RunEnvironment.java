package org.blockbench.bench.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.blockbench.bench.energy.EnergyCounters;
import org.blockbench.host.CpuFeatures;
import org.blockbench.host.GitCheckout;
import org.blockbench.ort.OrtBuild;

/**
 * The machine and software a sweep ran on, for the metadata sidecar.
 *
 * @param capturedAt          when this was captured (UTC, ISO-8601)
 * @param cpuModel            "model name" from /proc/cpuinfo, or os.arch where that is absent
 * @param cpuinfoProcessors   logical processors listed in /proc/cpuinfo (0 if unreadable)
 * @param availableProcessors processors this JVM may use (cgroup limits included)
 * @param os                  name, version and architecture
 * @param jvm                 vendor, VM name and version
 * @param ortVersion          ONNX Runtime version
 * @param ortArtifact         the ONNX Runtime jar (onnxruntime or onnxruntime_gpu)
 * @param ortProviders        execution providers that build offers
 * @param gitRevision         {@link GitCheckout#revision()}: {@code git rev-parse HEAD} of the working directory, or "unknown (why)"
 * @param gitDirty            {@link GitCheckout#dirty()}: whether tracked files differ from that revision (false if unknown)
 * @param cpuEnergy           "RAPL: package-0, …" when CPU energy is measured, else why it is absent
 * @param gpuEnergy           why GPU energy is absent
 * @param vectorIsa           the vector ISA that decides the kernels and whether INT8 has a dot product,
 *                            {@code CpuFeatures.describe()}: "AMD EPYC 7B13 (avx2, no VNNI)"
 * @param cpuExtensions       the relevant vector extensions present ({@code CpuFeatures.extensions()})
 */
public record RunEnvironment(String capturedAt, String cpuModel, int cpuinfoProcessors, int availableProcessors,
                             String os, String jvm, String ortVersion, String ortArtifact, List<String> ortProviders,
                             String gitRevision, boolean gitDirty, String cpuEnergy, String gpuEnergy,
                             String vectorIsa, List<String> cpuExtensions) {

    public RunEnvironment {
        ortProviders = List.copyOf(ortProviders);
        // results written before the ISA was recorded read with none
        cpuExtensions = cpuExtensions == null ? List.of() : List.copyOf(cpuExtensions);
    }

    /** Captures the current machine and process. */
    public static RunEnvironment capture() {
        List<String> cpuinfo = readLines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        int processors = (int) cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        CpuFeatures cpu = CpuFeatures.parse(cpuinfo, System.getProperty("os.arch"));
        GitCheckout git = GitCheckout.capture();
        EnergyCounters energy = EnergyCounters.discover();
        String cpuEnergy = energy.available()
                ? "RAPL: " + String.join(", ", energy.zones().stream().map(z -> z.name()).toList())
                : "absent: " + energy.reason();
        return new RunEnvironment(Instant.now().toString(), model, processors, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.vm.version"),
                OrtBuild.version(), OrtBuild.artifact(), OrtBuild.availableProviderNames(), git.revision(), git.dirty(), cpuEnergy,
                "absent: " + EnergyCounters.GPU_ENERGY_ABSENT, cpu.describe(), cpu.extensions());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // not Linux, or /proc hidden: the CPU model is recorded as the JVM's os.arch instead
            return List.of();
        }
    }
}
