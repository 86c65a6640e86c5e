package io.starlingmq.systemtests.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the browser loads: the exchange page (system-tests/src/test/js/page) and the MQTT.js browser
 * bundle installed by npm from the package-lock.json next to it.
 */
public record BrowserPage(Path html, Path script, Path mqttBundle) {

    private static final String INSTALL = "cd system-tests/src/test/js && npm ci";

    /** Finds the files under the repository root; fails naming the command that installs MQTT.js. */
    public static BrowserPage locate(Path repositoryRoot) {
        Path js = repositoryRoot.resolve("system-tests/src/test/js");
        Path bundle = js.resolve("node_modules/mqtt/dist/mqtt.min.js");
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("the MQTT.js browser bundle " + bundle + " is missing: run `" + INSTALL
                    + "` (needs node and npm) before the system tests");
        }
        BrowserPage page = new BrowserPage(js.resolve("page/exchange.html"), js.resolve("page/exchange.js"), bundle);
        for (Path file : new Path[] {page.html, page.script}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing");
            }
        }
        return page;
    }
}
