package org.blockbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes Jobs the docs print (docs/k8s-indexed-job.yaml, and the three Jobs of
 * docs/cluster.md §Kubernetes) parse as YAML and hang together: every container names the
 * image, every volume it mounts is a volume of its pod and every path its arguments write under
 * is such a mount, the sharded Jobs use {@code completionMode: Indexed} and repeat
 * {@code completions} in {@code BLOCKBENCH_SHARD_COUNT}. Kubernetes itself is not run in CI;
 * this is what can be checked without a cluster.
 */
class KubernetesJobDocsTest {

    private static final String IMAGE = "registry.example.com/blockbench:0.1.0";

    @Test
    void latencyIndexedJobIsConsistent() throws IOException {
        Map<String, Object> job = parse(Files.readString(Path.of("docs/k8s-indexed-job.yaml")));
        assertIndexedAndCounted(job, 4);
        Map<String, Object> container = onlyContainer(job);
        assertEquals(IMAGE, container.get("image"));
        assertMountsAreVolumes(job, Set.of("results"));
        assertEquals("blockbench-results", claimOf(job, "results"));
        List<String> args = strings(container.get("args"));
        assertEquals("/results", args.get(args.indexOf("--out") + 1), "results go to the mounted volume");
        assertEquals(List.of("/results"), mountPaths(container));
        assertTrue(strings(container.get("command")).contains("/opt/blockbench/blockbench.jar"), container.toString());
        assertTrue(args.get(args.indexOf("--model-dir") + 1).startsWith("/opt/blockbench/"), "models are in the image: " + args);
    }

    @Test
    void clusterDocJobsShareImageAndVolume() throws IOException {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (String block : yamlBlocks(Files.readAllLines(Path.of("docs/cluster.md")))) {
            jobs.add(parse(block));
        }
        assertEquals(List.of("blockzoo-prepare", "blockzoo-train", "blockzoo-leaderboard"),
                jobs.stream().map(j -> (String) map(j.get("metadata")).get("name")).toList());
        for (Map<String, Object> job : jobs) {
            Map<String, Object> container = onlyContainer(job);
            assertEquals(IMAGE, container.get("image"), "one image in every Job");
            assertMountsAreVolumes(job, Set.of("sweeps"));
            assertEquals("blockbench-sweeps", claimOf(job, "sweeps"));
            assertEquals(List.of("/sweeps"), mountPaths(container));
            // every absolute path the Job reads or writes, except the image's own, is on the volume
            for (String word : String.join(" ", strings(container.get("args"))).split("\\s+")) {
                if (word.startsWith("/") && !word.startsWith("/opt/blockbench/") && !word.equals("/bin/sh")) {
                    assertTrue(word.startsWith("/sweeps/"), map(job.get("metadata")).get("name") + ": " + word);
                }
            }
        }
        assertIndexedAndCounted(jobs.get(1), 42);
    }

    private static void assertIndexedAndCounted(Map<String, Object> job, int shards) {
        Map<String, Object> spec = map(job.get("spec"));
        assertEquals("Job", job.get("kind"));
        assertEquals("Indexed", spec.get("completionMode"));
        assertEquals(shards, spec.get("completions"));
        Object count = null;
        for (Object env : (List<?>) onlyContainer(job).get("env")) {
            if ("BLOCKBENCH_SHARD_COUNT".equals(map(env).get("name"))) {
                count = map(env).get("value");
            }
        }
        assertEquals(String.valueOf(spec.get("completions")), count, "BLOCKBENCH_SHARD_COUNT repeats completions");
        assertTrue((Integer) spec.get("parallelism") <= shards);
    }

    private static void assertMountsAreVolumes(Map<String, Object> job, Set<String> expected) {
        Set<String> volumes = new TreeSet<>();
        for (Object v : (List<?>) podSpec(job).get("volumes")) {
            volumes.add((String) map(v).get("name"));
        }
        Set<String> mounted = new TreeSet<>();
        for (Object m : (List<?>) onlyContainer(job).get("volumeMounts")) {
            mounted.add((String) map(m).get("name"));
        }
        assertEquals(expected, volumes);
        assertEquals(volumes, mounted, "every volume mounted, every mount a volume");
    }

    private static String claimOf(Map<String, Object> job, String volume) {
        for (Object v : (List<?>) podSpec(job).get("volumes")) {
            if (volume.equals(map(v).get("name"))) {
                return (String) map(map(v).get("persistentVolumeClaim")).get("claimName");
            }
        }
        throw new AssertionError("no volume " + volume);
    }

    private static List<String> mountPaths(Map<String, Object> container) {
        return ((List<?>) container.get("volumeMounts")).stream().map(m -> (String) map(m).get("mountPath")).toList();
    }

    private static Map<String, Object> podSpec(Map<String, Object> job) {
        return map(map(map(job.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> job) {
        List<?> containers = (List<?>) podSpec(job).get("containers");
        assertEquals(1, containers.size());
        return map(containers.get(0));
    }

    /** The ```yaml blocks of a Markdown file. */
    static List<String> yamlBlocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.equals("```yaml")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        assertFalse(blocks.isEmpty(), "no yaml blocks");
        return blocks;
    }

    private static Map<String, Object> parse(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return map(doc);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "expected a mapping, found " + node);
        return (Map<String, Object>) node;
    }

    private static List<String> strings(Object node) {
        assertTrue(node instanceof List, "expected a list, found " + node);
        return ((List<?>) node).stream().map(String::valueOf).toList();
    }
}
