package org.blockbench.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Progress.Factory} for tests: every call any of its displays hears, in order, as
 * "start TASK TOTAL UNIT", "step", "stepTo N", "message M", "println L" and "close".
 */
public final class RecordingProgress implements Progress.Factory {

    private final List<String> calls = new ArrayList<>();

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        calls.add("start " + task + " " + total + " " + unit);
        return new Progress() {
            @Override
            public void step() {
                calls.add("step");
            }

            @Override
            public void stepTo(long done) {
                calls.add("stepTo " + done);
            }

            @Override
            public void message(String message) {
                calls.add("message " + message);
            }

            @Override
            public void println(String line) {
                calls.add("println " + line);
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
    }

    /** The calls so far. */
    public List<String> calls() {
        return List.copyOf(calls);
    }
}
