package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;

/**
 * One event of the TinyML-"olympics"-style rankings. Compliant entries are ranked 1, 2, ...;
 * the others follow unranked with the reason.
 *
 * @param event   which event
 * @param rule    the rule in words, with the targets
 * @param entries compliant entries by rank, then the others
 */
public record EventRanking(Event event, String rule, List<Entry> entries) {

    public EventRanking {
        entries = List.copyOf(entries);
    }

    /** The events. */
    public enum Event {
        LATENCY_SPRINT("latency-sprint", "Latency sprint"),
        MEMORY_CHALLENGE("memory-challenge", "Memory challenge"),
        ACCURACY_CONTEST("accuracy-contest", "Accuracy contest"),
        ALL_AROUND("all-around", "All-around");

        private final String id;
        private final String title;

        Event(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }
    }

    /**
     * @param rank      1-based rank among compliant entries, null when not compliant
     * @param model     the model
     * @param value     the figure ranked by (unit in the rule)
     * @param compliant whether the entry meets the event's conditions
     * @param note      why not, or the supporting figures
     */
    public record Entry(Integer rank, ModelRef model, double value, boolean compliant, String note) {
    }
}
