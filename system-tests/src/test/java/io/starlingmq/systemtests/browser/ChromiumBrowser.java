package io.starlingmq.systemtests.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian package chromium) showing one page, as its own process with its own HOME
 * (for the NSS trust store) and a fresh profile. Closing it kills the browser and all its helpers.
 */
public final class ChromiumBrowser implements AutoCloseable {

    private static final int TAIL_CHARS = 8_000;

    private final Process process;
    private final Path log;

    private ChromiumBrowser(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Opens {@code url} in a new headless Chromium whose files live in {@code workDir}.
     *
     * @param trustedCa a CA certificate the browser trusts for TLS servers, or null to trust none but the system's
     */
    public static ChromiumBrowser open(String url, Path workDir, Path trustedCa) throws IOException, InterruptedException {
        Path home = Files.createDirectories(workDir.resolve("home"));
        Path profile = Files.createDirectories(workDir.resolve("profile"));
        if (trustedCa != null) {
            NssDatabase.trustInHome(home, trustedCa);
        }
        Path log = workDir.resolve("chromium.log");
        // The flags keep Chromium from calling out to Google services, which on a closed network
        // floods it with refused connections; the certificate checks stay on.
        List<String> command = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--enable-logging=stderr", "--user-data-dir=" + profile, url);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("HOME", home.toString());
        try {
            return new ChromiumBrowser(builder.start(), log);
        } catch (IOException notInstalled) {
            throw new IllegalStateException("cannot run chromium: install the Debian package chromium", notInstalled);
        }
    }

    /** The end of Chromium's output (stderr and stdout), for a failure message. */
    public String output() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
            return "chromium " + state + "; its output:\n"
                    + (all.length() > TAIL_CHARS ? all.substring(all.length() - TAIL_CHARS) : all);
        } catch (IOException e) {
            return "chromium output unreadable: " + e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        // Helpers listed before the parent dies, since they are reparented (and lost) once it is gone.
        List<ProcessHandle> helpers = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("chromium " + process.pid() + " did not end after SIGKILL");
        }
        for (ProcessHandle helper : helpers) {
            helper.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }
}
