package org.blockbench.bench.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * Which shards of a sharded sweep are present among some inputs: a shard counts as present
 * when its {@code results-shard-i-of-N.json} exists, which a shard's sweep writes once it has
 * gone through its whole plan (bench/sweep {@code RunDirectory}). A shard that never ran, or
 * that was killed before the end, is missing even when some of its per-config files exist.
 *
 * @param count   N, the shard count the inputs name; 0 when no input is a shard's result
 * @param present the indices found, ascending
 */
public record ShardCoverage(int count, SortedSet<Integer> present) {

    private static final Pattern SHARD_FILE = Pattern.compile("results-shard-(\\d+)-of-(\\d+)\\.json");

    public ShardCoverage {
        present = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(present));
    }

    /**
     * The shards among {@code inputs} (run directories, whose shard files are looked for at
     * their top, or JMH JSON files, which count by their own names).
     *
     * @throws BadInputException when the inputs name two shard counts (shards of two sweeps)
     */
    public static ShardCoverage of(List<Path> inputs) {
        int count = 0;
        Path countFrom = null;
        SortedSet<Integer> present = new TreeSet<>();
        for (Path input : inputs) {
            for (Path file : candidates(input)) {
                Matcher m = SHARD_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int index = Integer.parseInt(m.group(1));
                int n = Integer.parseInt(m.group(2));
                if (count != 0 && n != count) {
                    throw new BadInputException("shards of two sweeps: " + countFrom + " is a shard of " + count + ", " + file
                            + " of " + n + "; merge each sweep on its own");
                }
                count = n;
                countFrom = file;
                present.add(index);
            }
        }
        return new ShardCoverage(count, present);
    }

    /** The shards of {@link #count} that are not present, as "i/N". */
    public List<String> missing() {
        return IntStream.range(0, count).filter(i -> !present.contains(i)).mapToObj(i -> i + "/" + count).toList();
    }

    /** Whether every shard of {@link #count} is present (true when the inputs are not sharded). */
    public boolean complete() {
        return missing().isEmpty();
    }

    private static List<Path> candidates(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> list = Files.list(input)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }
}
