package org.blockbench.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU's model and the vector extensions that decide which kernels run. Training is
 * bit-identical on one machine, not across CPUs, and INT8 speed and saturation depend on whether
 * an INT8 dot-product instruction exists: every measured number records this.
 *
 * @param modelName  "model name" from /proc/cpuinfo (x86) or "CPU part"/"Hardware" (ARM), else os.arch
 * @param arch       the JVM's os.arch (amd64, aarch64, …)
 * @param extensions the relevant vector extensions present, in a fixed order (see {@link #RELEVANT})
 */
public record CpuFeatures(String modelName, String arch, List<String> extensions) {

    /** The /proc/cpuinfo flags that change which kernels ONNX Runtime, oneDNN or OpenBLAS pick. */
    public static final List<String> RELEVANT = List.of(
            "sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c",
            "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx_vnni", "avx512_bf16", "avx512_fp16",
            "amx_tile", "amx_int8", "amx_bf16",
            "asimd", "asimddp", "i8mm", "sve", "sve2", "bf16");

    public CpuFeatures {
        extensions = List.copyOf(extensions);
    }

    /** Reads this machine's CPU (Linux /proc/cpuinfo; elsewhere the model is os.arch, no extensions). */
    public static CpuFeatures detect() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // not Linux, or /proc hidden: nothing is known beyond the architecture
            lines = List.of();
        }
        return parse(lines, System.getProperty("os.arch"));
    }

    /** Parses /proc/cpuinfo lines (x86 "flags", ARM "Features"). */
    public static CpuFeatures parse(List<String> cpuinfo, String arch) {
        String model = field(cpuinfo, "model name");
        if (model == null) {
            model = field(cpuinfo, "Hardware");
        }
        if (model == null) {
            String part = field(cpuinfo, "CPU part");
            model = part == null ? arch : "CPU part " + part;
        }
        String flags = field(cpuinfo, "flags");
        if (flags == null) {
            flags = field(cpuinfo, "Features");
        }
        Set<String> present = new TreeSet<>(flags == null ? List.of()
                : Arrays.asList(flags.toLowerCase(Locale.ROOT).split("\\s+")));
        return new CpuFeatures(model, arch, RELEVANT.stream().filter(present::contains).toList());
    }

    /** Whether the CPU has an INT8 dot-product instruction (x86 VNNI, AMX-INT8, ARM SDOT/I8MM). */
    public boolean hasInt8DotProduct() {
        return extensions.contains("avx512_vnni") || extensions.contains("avx_vnni") || extensions.contains("amx_int8")
                || extensions.contains("asimddp") || extensions.contains("i8mm");
    }

    /** Whether this is an x86 CPU. */
    public boolean isX86() {
        return arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86");
    }

    /**
     * Whether ONNX Runtime's U8S8 kernels can saturate here: x86 with AVX2 or AVX-512 but without
     * VNNI multiplies u8 by s8 with VPMADDUBSW, whose pairwise int16 sum overflows for 8-bit weights
     * (ONNX Runtime's quantization docs; the remedy is 7-bit weights, reduce_range).
     */
    public boolean u8s8CanSaturate() {
        return isX86() && !hasInt8DotProduct();
    }

    /** The vector ISA that decides the kernels, in one word: the widest one present. */
    public String vectorIsa() {
        String dot = hasInt8DotProduct() ? "+vnni" : "";
        if (extensions.contains("avx512f")) {
            return "avx512" + dot;
        }
        if (extensions.contains("avx2")) {
            return "avx2" + dot;
        }
        if (extensions.contains("avx")) {
            return "avx";
        }
        if (extensions.contains("asimd")) {
            return extensions.contains("asimddp") ? "neon+dotprod" : "neon";
        }
        return isX86() ? "sse" : arch;
    }

    /** One line for logs and boards: "AMD EPYC (avx2, no VNNI)". */
    public String describe() {
        return modelName + " (" + vectorIsa() + (hasInt8DotProduct() || !isX86() ? "" : ", no VNNI") + ")";
    }

    /**
     * The instruction-set part of a {@link #describe()} line, the text in its last parentheses
     * ("avx2, no VNNI" of "AMD EPYC 7B13 (avx2, no VNNI)"); the whole line, stripped, when it has none.
     * Two CPUs with the same part run the same INT8 kernels, whatever their model names.
     */
    public static String instructionSetOf(String described) {
        String s = described.strip();
        int open = s.lastIndexOf('(');
        if (s.endsWith(")") && open >= 0) {
            return s.substring(open + 1, s.length() - 1).strip();
        }
        return s;
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
