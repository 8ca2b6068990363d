package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page in headless Chromium driven through the Chrome DevTools Protocol (a WebSocket, JSON
 * messages): a viewport of a given size, navigation, JavaScript evaluated in the page, real mouse
 * clicks, screenshots, and every console error, uncaught exception and browser log error (CSP
 * violations included) the page produced. Test-only; the browser is killed on close.
 */
public final class DevToolsPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process chromium;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch loaded = new CountDownLatch(1);

    private DevToolsPage(Process chromium, Path profile, WebSocket socket) {
        this.chromium = chromium;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with an empty page of {@code width} × {@code height} CSS pixels. */
    static DevToolsPage open(Path chromiumBinary, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process p = new ProcessBuilder(chromiumBinary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserWs = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (browserWs == null && System.nanoTime() < deadline) {
            String line = err.readLine();
            if (line == null) {
                break;
            }
            int at = line.indexOf("ws://");
            if (line.contains("DevTools listening on") && at >= 0) {
                browserWs = line.substring(at).strip();
            }
        }
        if (browserWs == null) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not print its DevTools address");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // keep Chromium's stderr pipe from filling up
                }
            } catch (IOException e) {
                // the browser went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(browserWs);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageWs = null;
        for (JsonNode t : JSON.readTree(list)) {
            if (t.path("type").asText().equals("page")) {
                pageWs = t.path("webSocketDebuggerUrl").asText();
            }
        }
        if (pageWs == null) {
            p.destroyForcibly();
            throw new IllegalStateException("no page target in " + list);
        }
        DevToolsPage[] self = new DevToolsPage[1];
        Listener listener = new Listener(self);
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), listener).join();
        self[0] = new DevToolsPage(p, profile, ws);
        DevToolsPage page = self[0];
        page.call("Runtime.enable", JSON.createObjectNode());
        page.call("Log.enable", JSON.createObjectNode());
        page.call("Page.enable", JSON.createObjectNode());
        page.call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        return page;
    }

    /**
     * Screenshots a page at 1280 × 800: {@code args} = the HTML file, the PNG of the viewport, and
     * optionally the PNG of the whole page (docs/ screenshots:
     * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.blockbench.report.DevToolsPage
     * -Dexec.args="analysis/leaderboard.html docs/leaderboard-1280x800.png"}).
     */
    public static void main(String[] args) throws Exception {
        try (DevToolsPage page = open(LeaderboardHtmlChromiumTest.chromium(), 1280, 800)) {
            page.navigate(Path.of(args[0]).toAbsolutePath().toUri().toString());
            Files.write(Path.of(args[1]), page.screenshot(false));
            if (args.length > 2) {
                Files.write(Path.of(args[2]), page.screenshot(true));
            }
            System.out.println("console errors: " + page.errors());
        }
    }

    /** Navigates and waits for the load event. */
    void navigate(String url) throws InterruptedException {
        loaded = new CountDownLatch(1);
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        if (!loaded.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the page did not load within " + WAIT);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON). */
    JsonNode eval(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A real left click (mouse pressed and released) at viewport coordinates. */
    void click(double x, double y) {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", x).put("y", y)
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** A PNG of the viewport ({@code fullPage}: of the whole page). */
    byte[] screenshot(boolean fullPage) {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", fullPage);
        if (fullPage) {
            JsonNode size = eval("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
            params.putObject("clip").put("x", 0).put("y", 0).put("width", size.get("w").asDouble())
                    .put("height", size.get("h").asDouble()).put("scale", 1);
        }
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    /** Console errors, uncaught exceptions and error-level browser log entries so far. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(msg.toString(), true).join();
        JsonNode r;
        try {
            r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no reply", e);
        }
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    private void onMessage(JsonNode m) {
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        String method = m.path("method").asText();
        JsonNode p = m.path("params");
        switch (method) {
            case "Page.loadEventFired" -> loaded.countDown();
            case "Runtime.consoleAPICalled" -> {
                if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
                    errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (p.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + p.path("entry").path("text").asText());
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.abort();
        } finally {
            chromium.destroyForcibly();
            try {
                chromium.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Joins a message's text frames and hands each whole message to the page. */
    private static final class Listener implements WebSocket.Listener {
        private final DevToolsPage[] page;
        private final StringBuilder partial = new StringBuilder();

        Listener(DevToolsPage[] page) {
            this.page = page;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    while (page[0] == null) {
                        Thread.onSpinWait();
                    }
                    page[0].onMessage(JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent a message that is not JSON", e);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
