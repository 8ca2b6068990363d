package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * Reads the latency results of the ONNX Runtime benchmark out of standard JMH JSON files
 * (every {@code *.json} under a directory whose top level is an array; other JSON files, such
 * as metadata sidecars, are skipped). A result is recognised by its {@code model} parameter;
 * the other parameters are {@code form}, {@code batch}, {@code provider}, {@code intraOpThreads}
 * (or {@code threads}) and {@code optLevel}. Throughput results are skipped (they are not a
 * time per call). When several files hold the same benchmark, mode and parameters, the newest
 * file wins.
 */
public final class JmhLatencyReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhLatencyReader() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(List<LatencyResult> results, List<String> notes) {
        public Reading {
            results = List.copyOf(results);
            notes = List.copyOf(notes);
        }
    }

    /** Reads every JMH JSON file under {@code dir}; a missing directory reads as nothing, with a note. */
    public static Reading readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Reading(List.of(), List.of("no JMH results: " + dir + " does not exist"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing((Path p) -> modified(p)).thenComparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        Map<String, LatencyResult> byIdentity = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int skipped = 0;
        for (Path f : files) {
            JsonNode root = parse(f);
            if (!root.isArray()) {
                continue;
            }
            for (JsonNode element : root) {
                LatencyResult r = JmhElements.latency(element, f);
                if (r == null) {
                    skipped++;
                    continue;
                }
                // files are in modification order, so a later put is a newer measurement
                byIdentity.put(element.path("benchmark").asText() + " " + r.mode() + " " + element.path("params"), r);
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " JMH result(s) under " + dir + " are not ONNX Runtime latency results"
                    + " (no 'model' parameter, or throughput mode) and were skipped");
        }
        if (byIdentity.isEmpty()) {
            notes.add("no JMH latency results under " + dir);
        }
        return new Reading(new ArrayList<>(byIdentity.values()), notes);
    }

    private static JsonNode parse(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new BadInputException(f + ": not valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "); JMH result files must be JMH's -rf json output");
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
