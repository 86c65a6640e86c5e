package io.starlingmq.systemtests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by playwright-core (system-tests/src/test/js/dashboard/driver.mjs, run with
 * node), one command at a time: the test stays in Java beside its MQTT clients, and the browser is driven
 * the way a person uses it (typing, clicking, reading what the page shows).
 */
public final class DashboardDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final String INSTALL = "cd system-tests/src/test/js && npm ci";

    private final Process node;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private int nextId;

    private DashboardDriver(Process node, Path log) {
        this.node = node;
        this.log = log;
        this.commands = node.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    answers.add(line);
                }
            } catch (IOException e) {
                answers.add("{\"ok\":false,\"error\":\"driver output lost: " + e.getMessage() + "\"}");
            }
        }, "dashboard-driver-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts Chromium (the Debian package's {@code chromium}) with a fresh profile in {@code workDir}. */
    public static DashboardDriver start(Path repositoryRoot, Path workDir) throws IOException {
        Path js = repositoryRoot.resolve("system-tests/src/test/js");
        if (!Files.isDirectory(js.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("playwright-core is missing: run `" + INSTALL
                    + "` (needs node and npm) before the system tests");
        }
        Path chromium = chromium();
        Path profile = Files.createDirectories(workDir.resolve("profile"));
        Path log = workDir.resolve("driver.log");
        Process node = new ProcessBuilder("node", "dashboard/driver.mjs", chromium.toString(), profile.toString())
                .directory(js.toFile())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        return new DashboardDriver(node, log);
    }

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find chromium on the PATH: install the Debian package chromium");
    }

    public void goTo(String url) {
        call("goto", "url", url);
    }

    public void fill(String selector, String value) {
        call("fill", "selector", selector, "value", value);
    }

    public void click(String selector) {
        call("click", "selector", selector);
    }

    /** Waits (up to 15 s) for the element, then its text. */
    public String text(String selector) {
        return call("text", "selector", selector).asText();
    }

    /** The texts of the elements there now, without waiting. */
    public List<String> texts(String selector) {
        List<String> texts = new ArrayList<>();
        call("texts", "selector", selector).forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** The page's address now (after the redirects a login went through). */
    public String url() {
        return call("url").asText();
    }

    public void waitFor(String selector) {
        call("waitFor", "selector", selector);
    }

    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        call("screenshot", "path", file.toAbsolutePath().toString());
    }

    /** Uncaught errors and console errors of the page since the last call. */
    public List<String> pageErrors() {
        List<String> errors = new ArrayList<>();
        call("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    private JsonNode call(String op, String... arguments) {
        int id = ++nextId;
        ObjectNode command = JSON.createObjectNode().put("id", id).put("op", op);
        for (int i = 0; i < arguments.length; i += 2) {
            command.put(arguments[i], arguments[i + 1]);
        }
        try {
            commands.write(JSON.writeValueAsString(command) + "\n");
            commands.flush();
            String line = answers.poll(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException(op + ": no answer from the driver in " + ANSWER_TIMEOUT + "; " + output());
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.path("id").asInt() != id || !answer.path("ok").asBoolean()) {
                throw new IllegalStateException(op + " " + command + " failed: " + answer.path("error").asText(line));
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": the driver is gone; " + output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The driver's and Chromium's own messages, for a failure message. */
    public String output() {
        try {
            return "driver " + (node.isAlive() ? "running" : "exited with " + node.exitValue()) + "; its messages:\n"
                    + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "driver messages unreadable: " + e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> helpers = new ArrayList<>(node.descendants().toList());
        try {
            commands.write("{\"op\":\"close\"}\n");
            commands.flush();
        } catch (IOException gone) {
            // Already ended: nothing left to ask.
        }
        if (!node.waitFor(20, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
        node.waitFor(20, TimeUnit.SECONDS);
    }
}
