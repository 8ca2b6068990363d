package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML leaderboard in headless Chromium and reads back the DOM Chromium built: the
 * tables and plots are there, the page's script ran (and sorted by the URL's #sort), and block
 * and dataset names crafted as markup stay text. Chromium comes from .ci/install-chromium.sh;
 * without it the test is skipped, unless BLOCKBENCH_REQUIRE_CHROMIUM=1 (as in CI), where it fails.
 */
class LeaderboardHtmlChromiumTest {

    static final String IMG_PAYLOAD = "<img src=x onerror=alert(1)>";
    static final String TITLE_PAYLOAD = "<img src=y onerror=\"document.title='pwned'\">";
    static final String DATASET_PAYLOAD = "\"><script>document.title='pwned'</script>";

    @TempDir
    Path dir;

    @Test
    void pageRendersAndCraftedNamesStayText() throws Exception {
        Path chromium = chromium();
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        ReportFixtures.run(t, IMG_PAYLOAD + "/early", "synthetic", "blockzoo", 0, 0.99, 0.99);
        ReportFixtures.run(t, "Evil/mid", DATASET_PAYLOAD, "blockzoo", 0, 0.5, 0.5);
        Files.writeString(t.jmh().resolve("crafted.json"), "[" + String.join(",",
                ReportFixtures.sample(IMG_PAYLOAD + "/early", 1, "ms/op", 9.0, 9.0, new double[][][] {{{9.0, 3}}}),
                ReportFixtures.sample(dir.resolve(TITLE_PAYLOAD + ".onnx").toString(), 1, "ms/op", 1, 1,
                        new double[][][] {{{1.0, 3}}})) + "]");
        Leaderboard lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
        Path out = dir.resolve("analysis");
        LeaderboardWriter.write(lb, out);

        String dom = dumpDom(chromium, out.resolve(LeaderboardWriter.HTML), "#sort=-accuracy");

        assertTrue(dom.contains("data-sortable=\"ready\""), "the page's script ran");
        assertEquals(lb.boards().size(), count(dom, "<table class=\"sortable models\""), "one model table per dataset");
        int plots = LeaderboardWriter.renderPlots(lb).size();
        assertTrue(plots >= 6, "plots for two datasets: " + plots);
        assertEquals(plots, count(dom, "<img "), "every <img> is a plot, none injected");
        assertEquals(plots, count(dom, "src=\"data:image/png;base64,"));
        assertTrue(dom.contains("data-plots-rendered=\"" + plots + "\""), "Chromium decoded every plot");
        assertEquals(1, count(dom, "<script"), "only the page's own script");
        assertFalse(dom.contains("<title>pwned</title>"), "no injected handler or script ran");
        assertTrue(dom.contains("<title>BlockBench leaderboard</title>"));
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;/early"), "the crafted block name shows as text");

        // the synthetic board sorted by accuracy, best first, as #sort=-accuracy asks; unmeasured last
        String synthetic = section(dom, "data-dataset=\"synthetic\"");
        List<String> order = models(synthetic);
        assertEquals(IMG_PAYLOAD.replace("<", "&lt;").replace(">", "&gt;") + "/early", order.get(0), order.toString());
        assertEquals(List.of("ResNetBasicBlock/mid", "ResNetBasicBlock/early", "MobileOneBlock/early"), order.subList(1, 4));
        assertTrue(synthetic.contains("<th data-key=\"accuracy\" data-type=\"num\" aria-sort=\"descending\">"), synthetic);
    }

    /**
     * The page as a person at a 1280 × 800 screen meets it, driven through DevTools: the headline
     * and a heatmap are in view before any scrolling, no table is wider than the page, a real
     * click on a header sorts the table (read back from the browser's DOM), the page logs no error
     * (a blocked injected script or handler would log a CSP violation), and names crafted as
     * markup stay text. The viewport is written to target/screenshots/ for a look.
     */
    @Test
    void pageAnswersAtAGlanceAndSortsOnAClick() throws Exception {
        Path chromium = chromium();
        Leaderboard lb = LeaderboardGoldens.leaderboard(dir);
        ReportFixtures.Tree t = ReportFixtures.write(dir.resolve("crafted"));
        ReportFixtures.run(t, HANDLER_PAYLOAD + "/early", "synthetic", "blockzoo", 0, 0.6, 0.6);
        Files.writeString(t.jmh().resolve("crafted.json"), "[" + ReportFixtures.sample(HANDLER_PAYLOAD + "/early", 1, "ms/op", 7.0, 7.0,
                new double[][][] {{{7.0, 3}}}) + "]");
        Leaderboard crafted = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
        Path out = dir.resolve("analysis");
        LeaderboardWriter.write(new Leaderboard(concat(lb.boards(), crafted.boards()), lb.settings(), lb.inputs(), lb.notes()), out);

        try (DevToolsPage page = DevToolsPage.open(chromium, 1280, 800)) {
            page.navigate(out.resolve(LeaderboardWriter.HTML).toUri().toString());
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("leaderboard-1280x800.png"), page.screenshot(false));

            assertEquals(1280, page.eval("window.innerWidth").asInt());
            assertEquals(0, page.eval("window.scrollY").asInt());
            assertTrue(page.eval("(function(){var r=document.querySelector('table.headline').getBoundingClientRect();"
                    + "return r.top>=0&&r.bottom<=window.innerHeight&&r.height>0;})()").asBoolean(), "headline in view");
            assertTrue(page.eval("(function(){var r=document.querySelector('table.heatmap').getBoundingClientRect();"
                    + "return r.top>=0&&r.bottom<=window.innerHeight&&r.height>0;})()").asBoolean(), "a whole heatmap in view");
            assertTrue(page.eval("document.documentElement.scrollWidth<=window.innerWidth").asBoolean(),
                    "page width " + page.eval("document.documentElement.scrollWidth"));
            assertTrue(page.eval("Array.prototype.every.call(document.querySelectorAll('table.models'),function(t){"
                    + "return t.scrollWidth<=t.parentElement.clientWidth&&t.getBoundingClientRect().right<=window.innerWidth;})")
                    .asBoolean(), "a model table overflows sideways");

            // a real click on the latency header of the first board sorts by latency, fastest first, unmeasured last
            String header = "document.querySelector('#models-0 th[data-key=latency]')";
            page.eval(header + ".scrollIntoView({block:'center'})");
            JsonNode box = page.eval("(function(){var r=" + header + ".getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2};})()");
            page.click(box.get("x").asDouble(), box.get("y").asDouble());
            String keys = "Array.prototype.map.call(document.querySelectorAll('#models-0 tbody tr'),function(r){"
                    + "return r.cells[2].getAttribute('data-sort');})";
            List<Double> ascending = sortKeys(page.eval(keys));
            assertEquals("ascending", page.eval(header + ".getAttribute('aria-sort')").asText());
            assertTrue(ascending.size() > 5 && isSorted(ascending, false), ascending.toString());
            page.click(box.get("x").asDouble(), box.get("y").asDouble());
            assertEquals("descending", page.eval(header + ".getAttribute('aria-sort')").asText());
            assertTrue(isSorted(sortKeys(page.eval(keys)), true));

            // the filter keeps the rows whose text matches
            page.eval("(function(){var i=document.querySelector('input.filter[data-table=models-0]');i.value='resnet';"
                    + "i.dispatchEvent(new Event('input'));})()");
            assertEquals(3, page.eval("Array.prototype.filter.call(document.querySelectorAll('#models-0 tbody tr'),"
                    + "function(r){return !r.hidden;}).length").asInt());

            assertEquals(List.of(), page.errors(), "console errors");
            assertEquals("BlockBench leaderboard", page.eval("document.title").asText());
            assertTrue(page.eval("typeof window.pwned === 'undefined'").asBoolean(), "an injected handler ran");
            assertTrue(page.eval("document.images.length").asInt() >= LeaderboardWriter.renderPlots(lb).size());
            assertEquals(page.eval("document.querySelectorAll('figure.plot img').length").asInt(),
                    page.eval("document.images.length").asInt(), "every <img> is a plot");
            assertTrue(page.eval("document.body.textContent.indexOf('" + HANDLER_PAYLOAD.replace("'", "\\'") + "/early')>=0")
                    .asBoolean(), "the crafted name shows as text");
        }
    }

    static final String HANDLER_PAYLOAD = "<img src=z onerror=\"window.pwned=1\">";

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Sort keys as the DOM holds them; null for an unmeasured cell. */
    private static List<Double> sortKeys(JsonNode keys) {
        List<Double> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.isNull() || k.asText().isEmpty() ? null : Double.parseDouble(k.asText())));
        return out;
    }

    /** Measured values in order, unmeasured ones all after them. */
    private static boolean isSorted(List<Double> keys, boolean descending) {
        boolean seenMissing = false;
        Double prev = null;
        for (Double k : keys) {
            if (k == null) {
                seenMissing = true;
            } else if (seenMissing || (prev != null && (descending ? k > prev : k < prev))) {
                return false;
            } else {
                prev = k;
            }
        }
        return true;
    }

    /** Chromium's serialised DOM after the page loaded. */
    static String dumpDom(Path chromium, Path html, String fragment) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", html.toUri() + fragment));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), "Chromium exit code");
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Chromium's binary; skips (or, with BLOCKBENCH_REQUIRE_CHROMIUM=1, fails) when there is none. */
    static Path chromium() {
        Optional<Path> found = Optional.ofNullable(System.getenv("CHROMIUM")).map(Path::of).filter(Files::isExecutable);
        if (found.isEmpty()) {
            for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                    Path candidate = Path.of(dirName, name);
                    if (found.isEmpty() && Files.isExecutable(candidate)) {
                        found = Optional.of(candidate);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            String why = "Chromium is not installed (looked for $CHROMIUM, chromium, chromium-browser, google-chrome on PATH);"
                    + " run .ci/install-chromium.sh";
            if ("1".equals(System.getenv("BLOCKBENCH_REQUIRE_CHROMIUM"))) {
                fail(why);
            }
            Assumptions.assumeTrue(false, why);
        }
        return found.get();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static String section(String dom, String marker) {
        int start = dom.indexOf(marker);
        assertTrue(start >= 0, marker + " not in the DOM");
        int end = dom.indexOf("</section>", start);
        return dom.substring(start, end);
    }

    private static List<String> models(String section) {
        List<String> out = new ArrayList<>();
        String table = section.substring(section.indexOf("class=\"sortable models\""));
        String models = table.substring(0, table.indexOf("</table>"));
        Matcher m = Pattern.compile("<tr data-model=\"([^\"]*)\">").matcher(models);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
