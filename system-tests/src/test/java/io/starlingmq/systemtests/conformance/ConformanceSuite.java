package io.starlingmq.systemtests.conformance;

import io.starlingmq.systemtests.harness.PrivateRedisServer;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one suite every conformance test runs against: a Redis of its own, one router and two gateways
 * ("a" and "b"), started by the first conformance class and stopped when the whole test run ends (it
 * lives in the root extension store, which closes it). Its own Redis because other suites in the same
 * JVM flush the shared one when they start. Tests share it, so each uses its own client ids and topics.
 */
public final class ConformanceSuite implements BeforeAllCallback {

    public static final String GATEWAY_A = "a";
    public static final String GATEWAY_B = "b";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceSuite.class);
    private static volatile StarlingSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        suite = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> startSuite(), Running.class).suite();
    }

    private static Running startSuite() {
        PrivateRedisServer redis;
        try {
            redis = PrivateRedisServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the conformance suite's Redis did not start", e);
        }
        try {
            return new Running(redis, StarlingSuite.startOnRedis("conformance", redis.uri(), GATEWAY_A, GATEWAY_B));
        } catch (IOException e) {
            redis.close();
            throw new UncheckedIOException("the conformance suite did not start", e);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** The suite and its Redis, closed together when the test run ends. */
    private record Running(PrivateRedisServer redis, StarlingSuite suite) implements AutoCloseable {

        @Override
        public void close() {
            suite.close();
            redis.close();
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
