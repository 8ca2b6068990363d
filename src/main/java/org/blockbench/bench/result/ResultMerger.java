package org.blockbench.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.io.AtomicFile;

/**
 * Combines JMH JSON result files (shards of one sweep, or several runs) into one JMH JSON
 * array. Inputs are JMH JSON files, or run directories, whose {@code configs/*.json} are
 * read. A measurement (benchmark, mode, params) found twice with identical text is kept once;
 * found twice with different results it is an error, since one of them would be silently
 * dropped. Output order is the sweep's plan order (config key, then mode), so merging the
 * shards of a sweep gives the same order as the unsharded sweep.
 */
public final class ResultMerger {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultMerger() {
    }

    /** The merged elements of {@code inputs}, in plan order. */
    public static List<JmhElement> merge(List<Path> inputs) {
        Map<String, JmhElement> byIdentity = new LinkedHashMap<>();
        Map<String, Path> sourceOf = new LinkedHashMap<>();
        for (Path file : resultFiles(inputs)) {
            for (JmhElement e : JmhJson.read(file)) {
                JmhElement earlier = byIdentity.putIfAbsent(e.identity(), e);
                if (earlier == null) {
                    sourceOf.put(e.identity(), file);
                } else if (!earlier.text().equals(e.text())) {
                    throw new BadInputException("the same measurement (" + e.identity() + ") has different results in "
                            + sourceOf.get(e.identity()) + " and " + file + "; merge only one of them");
                }
            }
        }
        List<JmhElement> merged = new ArrayList<>(byIdentity.values());
        merged.sort(Comparator.comparing(ResultMerger::planOrder));
        return merged;
    }

    /**
     * Merges {@code inputs} into {@code output} (JMH JSON) and its sidecar
     * {@code output.meta.json}, which lists the inputs and carries their own sidecars.
     *
     * @return the number of results written
     */
    public static int mergeInto(List<Path> inputs, Path output) {
        List<JmhElement> merged = merge(inputs);
        AtomicFile.writeString(output, JmhJson.array(merged));
        ObjectNode meta = JSON.createObjectNode().put("format", "blockbench-jmh-metadata/1")
                .put("results", output.getFileName().toString()).put("mergedAt", Instant.now().toString())
                .put("resultCount", merged.size());
        ArrayNode from = meta.putArray("mergedFrom");
        ArrayNode sources = meta.putArray("sources");
        for (Path input : inputs) {
            from.add(input.toAbsolutePath().normalize().toString());
            for (Path sidecar : sidecars(input)) {
                if (!sidecar.toAbsolutePath().normalize().equals(sidecarOf(output).toAbsolutePath().normalize())) {
                    ObjectNode s = sources.addObject().put("file", sidecar.toAbsolutePath().normalize().toString());
                    s.set("metadata", readTree(sidecar));
                }
            }
        }
        try {
            AtomicFile.writeString(sidecarOf(output), JSON.writeValueAsString(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + sidecarOf(output), e);
        }
        return merged.size();
    }

    /** {@code x.json} → {@code x.meta.json}. */
    public static Path sidecarOf(Path jmhJson) {
        String name = jmhJson.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return jmhJson.resolveSibling(stem + ".meta.json");
    }

    private static String planOrder(JmhElement e) {
        if (e.benchmark().equals(OrtInferenceBenchmark.class.getName() + ".run")) {
            try {
                return "0 " + BenchConfig.fromJmhParams(e.params()).key() + " " + e.mode();
            } catch (RuntimeException notOurs) {
                // params not from a sweep: fall through to the generic order
            }
        }
        return "1 " + e.identity();
    }

    private static List<Path> resultFiles(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new BadInputException("nothing to merge: give JMH JSON files or run directories");
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                Path configs = input.resolve("configs");
                if (!Files.isDirectory(configs)) {
                    throw new BadInputException(input + " is a directory without configs/, so not a run directory;"
                            + " give its JMH JSON files instead");
                }
                try (Stream<Path> list = Files.list(configs)) {
                    files.addAll(list.filter(ResultMerger::isJmhJsonName).sorted().toList());
                } catch (IOException e) {
                    throw new BadInputException("cannot list " + configs + ": " + e.getMessage(), e);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static List<Path> sidecars(Path input) {
        if (!Files.isDirectory(input)) {
            Path s = sidecarOf(input);
            return Files.isRegularFile(s) ? List.of(s) : List.of();
        }
        try (Stream<Path> list = Files.list(input)) {
            return list.filter(p -> p.getFileName().toString().matches("results(-shard-\\d+-of-\\d+)?\\.meta\\.json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isJmhJsonName(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith(".meta.json");
    }

    private static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": unreadable metadata (" + e.getMessage() + ")", e);
        }
    }
}
