package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The JavaCPP cache the build fills holds every native library of the native jars on the
 * class path, with the size and timestamp JavaCPP's Loader compares, so that no test or run
 * extracts libtorch on first start; and TorchRuntime finds that cache beside the classes.
 */
class NativeCacheTest {

    @Test
    void cacheHoldsEveryNativeLibraryAsLoaderExpectsIt() throws IOException {
        String cacheDir = System.getProperty(TorchRuntime.CACHE_DIR_PROPERTY);
        assertTrue(cacheDir != null && Files.isDirectory(Path.of(cacheDir)), "surefire sets the cache dir: " + cacheDir);
        List<String> jars = new ArrayList<>();
        int libraries = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith("-linux-x86_64.jar")) {
                continue;
            }
            String jarName = Path.of(entry).getFileName().toString();
            jars.add(jarName);
            try (JarFile jar = new JarFile(entry)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.isDirectory() || !e.getName().startsWith("org/bytedeco/") || !e.getName().contains(".so")) {
                        continue;
                    }
                    Path cached = Path.of(cacheDir, jarName, e.getName());
                    assertTrue(Files.isRegularFile(cached), "not in the cache: " + cached);
                    assertEquals(e.getSize(), Files.size(cached), cached + " size");
                    assertEquals(e.getTime(), cached.toFile().lastModified(), cached + " timestamp");
                    libraries++;
                }
            }
        }
        assertEquals(3, jars.size(), "native jars on the class path: " + jars);
        assertTrue(libraries >= 10, "native libraries checked: " + libraries);
        // OpenBLAS is also loaded under a second name, which the build provides as a copy
        Path alias;
        try (var dirs = Files.list(Path.of(cacheDir))) {
            alias = dirs.filter(p -> p.getFileName().toString().startsWith("openblas-")).findFirst().orElseThrow()
                    .resolve("org/bytedeco/openblas/linux-x86_64/libopenblas_nolapack.so.0");
        }
        assertTrue(Files.isRegularFile(alias), alias + " missing");
    }

    @Test
    void runtimeFindsTheCacheBesideTheBuiltClasses() {
        Path expected = Path.of(System.getProperty(TorchRuntime.CACHE_DIR_PROPERTY)).toAbsolutePath().normalize();
        assertEquals(expected, TorchRuntime.bundledCache().orElseThrow());
        assertFalse(expected.toString().contains(".javacpp"), "not the per-user default cache: " + expected);
    }
}
