package org.blockbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    @Test
    void avx2WithoutVnniSaturatesU8s8() {
        CpuFeatures cpu = CpuFeatures.parse(List.of("processor\t: 0", "model name\t: AMD EPYC",
                "flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2"), "amd64");
        assertEquals("AMD EPYC", cpu.modelName());
        assertEquals(List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c"), cpu.extensions());
        assertFalse(cpu.hasInt8DotProduct());
        assertTrue(cpu.u8s8CanSaturate());
        assertEquals("avx2", cpu.vectorIsa());
        assertEquals("AMD EPYC (avx2, no VNNI)", cpu.describe());
    }

    @Test
    void avx512VnniDoesNot() {
        CpuFeatures cpu = CpuFeatures.parse(List.of("model name : Intel(R) Xeon(R) Platinum 8480+",
                "flags : avx avx2 avx512f avx512bw avx512vl avx512_vnni amx_int8"), "amd64");
        assertTrue(cpu.hasInt8DotProduct());
        assertFalse(cpu.u8s8CanSaturate());
        assertEquals("avx512+vnni", cpu.vectorIsa());
    }

    @Test
    void armReadsFeaturesAndDotProduct() {
        CpuFeatures cpu = CpuFeatures.parse(List.of("CPU part : 0xd0c", "Features : fp asimd asimddp i8mm"), "aarch64");
        assertEquals("CPU part 0xd0c", cpu.modelName());
        assertEquals(List.of("asimd", "asimddp", "i8mm"), cpu.extensions());
        assertFalse(cpu.u8s8CanSaturate());
        assertEquals("neon+dotprod", cpu.vectorIsa());
    }

    @Test
    void noCpuinfoFallsBackToArch() {
        CpuFeatures cpu = CpuFeatures.parse(List.of(), "amd64");
        assertEquals("amd64", cpu.modelName());
        assertEquals(List.of(), cpu.extensions());
        assertEquals("sse", cpu.vectorIsa());
    }

    @Test
    void instructionSetIsTheLastParenthesesOfADescription() {
        assertEquals("avx2, no VNNI", CpuFeatures.instructionSetOf("AMD EPYC 7B13 (avx2, no VNNI)"));
        assertEquals("avx512+vnni", CpuFeatures.instructionSetOf("Intel(R) Xeon(R) Platinum 8480+ (avx512+vnni)"));
        assertEquals("aarch64", CpuFeatures.instructionSetOf(" aarch64 "));
        CpuFeatures avx2 = CpuFeatures.parse(java.util.List.of("model name : AMD EPYC", "flags : avx avx2 fma"), "amd64");
        assertEquals("avx2, no VNNI", CpuFeatures.instructionSetOf(avx2.describe()));
    }
}
