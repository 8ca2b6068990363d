package org.blockbench.bench.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.BadInputException;
import org.blockbench.text.OneLine;

/**
 * The parts of an ONNX Runtime session profile (Chrome trace JSON: an array of events with
 * {@code cat}, {@code name}, {@code dur} in µs and {@code args}) that the latency suite uses:
 * every {@code model_run} duration in file order, and per node the kernel time and the
 * provider that ran it ({@code cat = "Node"}, names ending in {@code _kernel_time}). Read in one
 * streaming pass, so a profile of hundreds of megabytes needs no more memory than its runs.
 *
 * @param modelRunStartMicros start of each inference, µs after profiling started, in the order they ran
 * @param modelRunMicros      native duration of each inference, µs
 * @param nodes               kernel time per node, in first-seen order
 */
public record OrtProfile(long[] modelRunStartMicros, long[] modelRunMicros, List<NodeTime> nodes) {

    private static final String KERNEL_SUFFIX = "_kernel_time";

    public OrtProfile {
        if (modelRunStartMicros.length != modelRunMicros.length) {
            throw new IllegalArgumentException("model_run starts and durations differ in number: "
                    + modelRunStartMicros.length + " vs " + modelRunMicros.length);
        }
        modelRunStartMicros = modelRunStartMicros.clone();
        modelRunMicros = modelRunMicros.clone();
        nodes = List.copyOf(nodes);
    }

    /** Reads a profile file; a file that is not a profile fails naming it. */
    public static OrtProfile read(Path file) {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            return parse(p, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable ONNX Runtime profile (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Parses profile text; {@code source} names it in errors. */
    public static OrtProfile parse(String json, String source) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return parse(p, source);
        } catch (IOException e) {
            throw new BadInputException(source + ": not a readable ONNX Runtime profile (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }

    private static OrtProfile parse(JsonParser p, String source) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new BadInputException(source + ": expected an ONNX Runtime profile (a JSON array of trace events)");
        }
        long[] runs = new long[1024];
        long[] starts = new long[1024];
        int runCount = 0;
        Map<String, long[]> nodeTotals = new LinkedHashMap<>();
        Map<String, String[]> nodeFacts = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Event e = Event.read(p);
            if ("Session".equals(e.cat) && "model_run".equals(e.name)) {
                if (runCount == runs.length) {
                    runs = Arrays.copyOf(runs, runs.length * 2);
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[runCount] = e.ts;
                runs[runCount++] = e.dur;
            } else if ("Node".equals(e.cat) && e.name != null && e.name.endsWith(KERNEL_SUFFIX)) {
                String node = e.name.substring(0, e.name.length() - KERNEL_SUFFIX.length());
                long[] totals = nodeTotals.computeIfAbsent(node, k -> new long[2]);
                totals[0]++;
                totals[1] += e.dur;
                nodeFacts.putIfAbsent(node, new String[] {e.opName, e.provider});
            }
        }
        List<NodeTime> nodes = nodeTotals.entrySet().stream().map(en -> {
            String[] facts = nodeFacts.get(en.getKey());
            return new NodeTime(en.getKey(), facts[0], facts[1], en.getValue()[0], en.getValue()[1]);
        }).toList();
        return new OrtProfile(Arrays.copyOf(starts, runCount), Arrays.copyOf(runs, runCount), nodes);
    }

    /**
     * Durations of the inferences that started and ended inside one of {@code windows}
     * ({start, end} pairs in µs after profiling started), in file order.
     */
    public long[] modelRunsWithin(List<long[]> windows) {
        return java.util.stream.IntStream.range(0, modelRunMicros.length)
                .filter(i -> windows.stream().anyMatch(w -> modelRunStartMicros[i] >= w[0]
                        && modelRunStartMicros[i] + modelRunMicros[i] <= w[1]))
                .mapToLong(i -> modelRunMicros[i]).toArray();
    }

    /** Number of distinct nodes each execution provider ran, by provider name. */
    public Map<String, Integer> nodesByProvider() {
        Map<String, Integer> counts = new TreeMap<>();
        nodes.forEach(n -> counts.merge(n.provider(), 1, Integer::sum));
        return counts;
    }


    /** The fields of one trace event that matter here; others are skipped. */
    private static final class Event {
        String cat;
        String name;
        long dur;
        long ts;
        String opName = "?";
        String provider = "?";

        static Event read(JsonParser p) throws IOException {
            Event e = new Event();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "cat" -> e.cat = p.getValueAsString();
                    case "name" -> e.name = p.getValueAsString();
                    case "dur" -> e.dur = p.getValueAsLong();
                    case "ts" -> e.ts = p.getValueAsLong();
                    case "args" -> e.readArgs(p, value);
                    default -> p.skipChildren();
                }
            }
            return e;
        }

        private void readArgs(JsonParser p, JsonToken start) throws IOException {
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "op_name" -> opName = p.getValueAsString();
                    case "provider" -> provider = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrtProfile other && Arrays.equals(modelRunStartMicros, other.modelRunStartMicros)
                && Arrays.equals(modelRunMicros, other.modelRunMicros) && nodes.equals(other.nodes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(modelRunStartMicros) + Arrays.hashCode(modelRunMicros)) + nodes.hashCode();
    }

    @Override
    public String toString() {
        return "OrtProfile[" + modelRunMicros.length + " model_run events, " + nodes.size() + " nodes]";
    }
}
