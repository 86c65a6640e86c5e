package io.starlingmq.systemtests.conformance;

import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one suite every conformance test runs against: Redis, one router and two gateways ("a" and
 * "b"), started by the first conformance class and stopped when the whole test run ends (it lives in
 * the root extension store, which closes it). Tests share it, so each uses its own client ids and topics.
 */
public final class ConformanceSuite implements BeforeAllCallback {

    public static final String GATEWAY_A = "a";
    public static final String GATEWAY_B = "b";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceSuite.class);
    private static volatile StarlingSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        suite = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StarlingSuite.class, key -> startSuite(), StarlingSuite.class);
    }

    private static StarlingSuite startSuite() {
        try {
            return StarlingSuite.start("conformance", GATEWAY_A, GATEWAY_B);
        } catch (IOException e) {
            throw new UncheckedIOException("the conformance suite did not start", e);
        }
    }

    /** The running suite; only valid inside a class extended with this extension. */
    static StarlingSuite suite() {
        if (suite == null) {
            throw new IllegalStateException("the conformance suite is not running");
        }
        return suite;
    }
}
