package org.blockbench.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark record of a JMH JSON result file: what JMH measured for one benchmark, mode
 * and parameter set. Read only by {@link JmhReader}, which checks it completely; the
 * primary metric is parsed when read, a secondary one when asked for (with the same checks).
 *
 * @param benchmark the benchmark's full name ({@code package.Class.method})
 * @param mode      JMH's mode short label ("sample", "avgt", "thrpt", "ss")
 * @param params    the benchmark parameters, sorted by name
 * @param primary   the primary metric
 * @param text      the record's JSON text exactly as found in the file (merging splices it)
 * @param tree      the parsed record (for the secondary metrics and other JMH fields)
 * @param source    the file it was read from
 * @param index     its 0-based position in that file's array
 */
public record JmhRecord(String benchmark, String mode, SortedMap<String, String> params, JmhMetric primary,
                        String text, JsonNode tree, Path source, int index) {

    public JmhRecord {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /**
     * What makes two records the same measurement: benchmark, mode and parameters. A result
     * set holds at most one record per identity.
     */
    public String identity() {
        return benchmark + " " + mode + " " + params;
    }

    /** Names of the secondary metrics, in JMH's order. */
    public List<String> secondaryNames() {
        List<String> names = new ArrayList<>();
        tree.path("secondaryMetrics").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The secondary metric {@code name}, checked like the primary one; empty when the record
     * has none of that name.
     *
     * @throws org.blockbench.BadInputException naming file, record and field when it is malformed
     */
    public Optional<JmhMetric> secondary(String name) {
        JsonNode m = tree.path("secondaryMetrics").get(name);
        return m == null ? Optional.empty()
                : Optional.of(new JmhRecordParser(source, index, benchmark).metric(m, "secondaryMetrics." + name));
    }

    /** "file record i (Class.method)" for messages. */
    public String where() {
        return source + " record " + index + " (" + benchmark + ")";
    }
}
