package org.blockbench.regress;

import java.nio.file.Path;
import java.time.Instant;

/** One run kept in a {@link History} directory: its JMH JSON file and when it was appended. */
public record HistoryEntry(Path file, Instant at) implements Comparable<HistoryEntry> {

    @Override
    public int compareTo(HistoryEntry o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : file.getFileName().toString().compareTo(o.file.getFileName().toString());
    }

    /** The file name, which identifies the run. */
    public String name() {
        return file.getFileName().toString();
    }
}
