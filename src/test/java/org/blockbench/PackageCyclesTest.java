package org.blockbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layering rule of docs/ARCHITECTURE.md: no cycle between packages, read from the imports
 * and qualified names of src/main/java. It holds twice: with every package its own node (a
 * parent and its child are two, so {@code bench} and {@code bench.jmh} may not use each other),
 * and with every top-level package and its sub-packages as one node. A failure names the cycle
 * and, for each edge, a file that makes it.
 */
class PackageCyclesTest {

    static final Path SOURCES = Path.of("src/main/java");

    @TempDir
    Path dir;

    @Test
    void noCycleBetweenPackagesParentAndChildIncluded() {
        ImportGraph graph = ImportGraph.read(SOURCES);
        assertTrue(graph.edges().size() > 30, "read the packages of " + SOURCES + ": " + graph.edges().keySet());
        assertEquals(List.of(), graph.cycle().orElse(List.of()), "package cycle");
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        assertEquals(List.of(), ImportGraph.read(SOURCES).topLevel().cycle().orElse(List.of()), "top-level package cycle");
    }

    @Test
    void aChildThatImportsItsParentBackIsACycle() throws IOException {
        write("org/blockbench/a/A.java", "package org.blockbench.a;\nimport org.blockbench.a.b.B;\nclass A { B b; }\n");
        write("org/blockbench/a/b/B.java", "package org.blockbench.a.b;\n\nclass B { org.blockbench.a.A a; }\n");
        ImportGraph graph = ImportGraph.read(dir);
        assertEquals(List.of("org.blockbench.a -> org.blockbench.a.b (org/blockbench/a/A.java)",
                "org.blockbench.a.b -> org.blockbench.a (org/blockbench/a/b/B.java)"), graph.cycle().orElseThrow());
        assertTrue(graph.topLevel().cycle().isEmpty(), "one top-level package has no cycle with itself");
    }

    @Test
    void aCycleThroughSubPackagesIsATopLevelCycle() throws IOException {
        write("org/blockbench/a/x/X.java", "package org.blockbench.a.x;\nimport org.blockbench.b.B;\nclass X { B b; }\n");
        write("org/blockbench/b/B.java", "package org.blockbench.b;\nimport static org.blockbench.a.y.Y.VALUE;\nclass B { }\n");
        write("org/blockbench/a/y/Y.java", "package org.blockbench.a.y;\nclass Y { static int VALUE; }\n");
        assertTrue(ImportGraph.read(dir).cycle().isEmpty());
        assertEquals(List.of("org.blockbench.a -> org.blockbench.b (org/blockbench/a/x/X.java)",
                "org.blockbench.b -> org.blockbench.a (org/blockbench/b/B.java)"),
                ImportGraph.read(dir).topLevel().cycle().orElseThrow());
    }

    @Test
    void commentsAndLiteralsAreNoDependency() throws IOException {
        write("org/blockbench/a/A.java", """
                package org.blockbench.a;
                /** See {@link org.blockbench.b.B}. */
                class A {
                    // org.blockbench.b.B
                    String s = "org.blockbench.b.B \\" org.blockbench.b.B";
                    char q = '"';
                    String t = \"""
                        org.blockbench.b.B
                        \""";
                }
                """);
        write("org/blockbench/b/B.java", "package org.blockbench.b;\nimport org.blockbench.a.A;\nclass B { A a; }\n");
        ImportGraph graph = ImportGraph.read(dir);
        assertEquals(List.of("org.blockbench.a"), List.copyOf(graph.edges().get("org.blockbench.b").keySet()));
        assertTrue(graph.edges().get("org.blockbench.a").isEmpty(), graph.edges().toString());
        assertTrue(graph.cycle().isEmpty());
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
