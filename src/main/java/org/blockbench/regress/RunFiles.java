package org.blockbench.regress;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhResults;

/**
 * The JMH files (or directories of them) one command compares, each read once: the first use of
 * a path reads it through {@link JmhReader}, every later one, of any metric, is derived from the
 * records kept. A command uses one path several times over: the metric compared, the CPU-time
 * evidence of the busy-machine guard and, in history mode, the pooled baseline and the trend
 * plots. Paths are told apart by their absolute, normalised form.
 */
public final class RunFiles {

    private final Function<Path, JmhResults> reader;
    private final Map<Path, JmhResults> read = new HashMap<>();

    /** Files read by {@link JmhReader#read(Path)}. */
    public RunFiles() {
        this(JmhReader::read);
    }

    /**
     * Files read by {@code reader}, once per path.
     *
     * @param reader the reader ({@link JmhReader#read(Path)}; a test may count its calls)
     */
    public RunFiles(Function<Path, JmhResults> reader) {
        this.reader = reader;
    }

    /** The records of {@code path}, read on first use. */
    public JmhResults records(Path path) {
        return read.computeIfAbsent(path.toAbsolutePath().normalize(), k -> reader.apply(path));
    }

    /**
     * {@code metric} of every record of {@code path}, as {@link ResultSets#read(Path, Metric)}.
     *
     * @throws org.blockbench.BadInputException as {@link ResultSets#read(Path, Metric)}
     */
    public ResultSet metric(Path path, Metric metric) {
        return ResultSets.of(path, records(path), metric, false);
    }

    /** {@code metric} of the records of {@code path} that have it, as {@link ResultSets#readWherePresent}. */
    public ResultSet wherePresent(Path path, Metric metric) {
        return ResultSets.of(path, records(path), metric, true);
    }
}
