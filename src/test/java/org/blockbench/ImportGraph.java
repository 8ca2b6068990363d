package org.blockbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages uses which, read from Java sources: every {@code org.blockbench} type a
 * file names in its imports or in code (a qualified name) is an edge from the file's package to
 * that type's package. Comments and literals are skipped, so a {@code {@link}} in javadoc is no
 * edge, as it is no dependency of the compiled class.
 *
 * @param edges for each package, the packages it uses, each with the first file (by path) that does
 */
record ImportGraph(SortedMap<String, SortedMap<String, String>> edges) {

    static final String ROOT = "org.blockbench";

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    /** A qualified name of one of our types: lower-case segments are its package, the first capitalised one the type. */
    private static final Pattern TYPE = Pattern.compile("\\borg\\.blockbench((?:\\s*\\.\\s*[a-z_]\\w*)*)\\s*\\.\\s*[A-Z]");

    /** The graph of the {@code .java} files under {@code sources}. */
    static ImportGraph read(Path sources) {
        SortedMap<String, SortedMap<String, String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = code(Files.readString(file));
                Matcher p = PACKAGE.matcher(code);
                if (!p.find()) {
                    continue;
                }
                String from = p.group(1);
                Map<String, String> uses = edges.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher t = TYPE.matcher(code);
                while (t.find()) {
                    String to = ROOT + t.group(1).replaceAll("\\s", "");
                    if (!to.equals(from)) {
                        uses.putIfAbsent(to, sources.relativize(file).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportGraph(edges);
    }

    /** This graph with each top-level package and its sub-packages as one node ({@code bench.jmh} is {@code bench}). */
    ImportGraph topLevel() {
        SortedMap<String, SortedMap<String, String>> merged = new TreeMap<>();
        edges.forEach((from, uses) -> {
            Map<String, String> into = merged.computeIfAbsent(topLevel(from), k -> new TreeMap<>());
            uses.forEach((to, file) -> {
                if (!topLevel(to).equals(topLevel(from))) {
                    into.putIfAbsent(topLevel(to), file);
                }
            });
        });
        return new ImportGraph(merged);
    }

    /** One cycle as its edges, each "a -> b (the file of a that uses b)", or empty when there is none. */
    Optional<List<String>> cycle() {
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            Optional<List<String>> found = cycleFrom(start, new ArrayList<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Depth first from {@code node}, {@code path} the packages above it: an edge back into the path closes a cycle. */
    private Optional<List<String>> cycleFrom(String node, List<String> path, Set<String> done) {
        int back = path.indexOf(node);
        if (back >= 0) {
            List<String> loop = new ArrayList<>(path.subList(back, path.size()));
            loop.add(node);
            List<String> cycle = new ArrayList<>();
            for (int i = 0; i + 1 < loop.size(); i++) {
                String from = loop.get(i);
                String to = loop.get(i + 1);
                cycle.add(from + " -> " + to + " (" + edges.get(from).get(to) + ")");
            }
            return Optional.of(cycle);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, new TreeMap<>()).keySet()) {
            Optional<List<String>> found = cycleFrom(next, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return Optional.empty();
    }

    private static String topLevel(String pkg) {
        if (pkg.equals(ROOT) || !pkg.startsWith(ROOT + ".")) {
            return pkg;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return ROOT + "." + (dot < 0 ? rest : rest.substring(0, dot));
    }

    /** {@code source} with each comment and each string, text-block or character literal replaced by a space. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int skipTo;
            if (source.startsWith("//", i)) {
                skipTo = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                skipTo = Math.min(source.length(), indexOrEnd(source, "*/", i + 2) + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                skipTo = literalEnd(source, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                skipTo = literalEnd(source, i + 1, String.valueOf(c));
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
            i = skipTo;
        }
        return out.toString();
    }

    /** Where a literal whose text starts at {@code from} ends, after its closing {@code quote}; a backslash escapes. */
    private static int literalEnd(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + quote.length());
    }

    private static int indexOrEnd(String source, String what, int from) {
        int at = source.indexOf(what, from);
        return at < 0 ? source.length() : at;
    }
}
