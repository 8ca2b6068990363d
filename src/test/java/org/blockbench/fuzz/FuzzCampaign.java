package org.blockbench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The long fuzz campaign, from one command (see docs/fuzz.md):
 *
 * <pre>mvn -B -q -Pfuzz test-compile exec:exec -Dfuzz.args="--cases 10000 --seed 1"</pre>
 *
 * Options: {@code --cases N} (default 10000), {@code --seed S} (default 1), {@code --jobs J}
 * (default 2), {@code --limit-ms MS} per case (default 10000), {@code --targets a,b}
 * (default all), {@code --only INDEX} (replay one case), {@code --out DIR} (default
 * target/fuzz-campaign; failing cases under DIR/failures, the summary in DIR/summary.json).
 * Prints the summary; exits 1 when any case broke a rule, 0 otherwise.
 */
public final class FuzzCampaign {

    private FuzzCampaign() {
    }

    public static void main(String[] argv) throws Exception {
        List<String> a = Arrays.asList(argv);
        int cases = Integer.parseInt(opt(a, "--cases", "10000"));
        long seed = Long.parseLong(opt(a, "--seed", "1"));
        int jobs = Integer.parseInt(opt(a, "--jobs", "2"));
        long limitMs = Long.parseLong(opt(a, "--limit-ms", "10000"));
        String only = opt(a, "--only", null);
        List<Target> targets = opt(a, "--targets", null) == null ? List.of(Target.values())
                : Arrays.stream(opt(a, "--targets", null).split(",")).map(Target::byLabel).toList();
        Path out = Path.of(opt(a, "--out", "target/fuzz-campaign")).toAbsolutePath();
        int from = only == null ? 0 : Integer.parseInt(only);
        int to = only == null ? cases : from + 1;
        CampaignSummary s = Campaign.run(new Campaign.Config(seed, from, to, targets, jobs, limitMs, out.resolve("work"),
                out.resolve("failures")));
        Path summary = out.resolve("summary.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), s.json());
        System.out.print(s.render());
        System.out.print(s.renderClasses());
        System.out.println("summary: " + summary + "; failing cases kept under " + out.resolve("failures"));
        System.exit(s.failures().isEmpty() ? 0 : 1);
    }

    private static String opt(List<String> a, String name, String fallback) {
        int i = a.indexOf(name);
        if (i >= 0 && i + 1 < a.size()) {
            return a.get(i + 1);
        }
        if (i >= 0) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return fallback;
    }
}
