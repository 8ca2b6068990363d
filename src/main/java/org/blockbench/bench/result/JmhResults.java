package org.blockbench.bench.result;

import java.util.List;

/**
 * What {@link JmhReader} read: the records, at most one per {@link JmhRecord#identity()
 * identity}, in file order, and one line per thing it passed over or decided on the way.
 *
 * @param records the benchmark records
 * @param notes   files skipped, repeats counted once, older runs replaced
 */
public record JmhResults(List<JmhRecord> records, List<String> notes) {

    public JmhResults {
        records = List.copyOf(records);
        notes = List.copyOf(notes);
    }
}
