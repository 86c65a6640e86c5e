package io.starlingmq.systemtests.conformance;

import io.starlingmq.testing.TestRedis;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one suite every conformance test runs against: a Redis of its own, one router and three gateways
 * ("a" and "b" with default settings, "c" with the optional limits set, see {@link #GATEWAY_C_ENV}), started by the first conformance class and stopped when the whole test run ends (it
 * lives in the root extension store, which closes it). Its own Redis because other suites in the same
 * JVM flush the shared one when they start. Tests share it, so each uses its own client ids and topics.
 */
public final class ConformanceSuite implements BeforeAllCallback {

    public static final String GATEWAY_A = "a";
    public static final String GATEWAY_B = "b";
    /** A gateway with Server Keep Alive, Response Information and topic limits configured. */
    public static final String GATEWAY_C = "c";

    /** The $SYS node name of the suite's router. */
    public static final String ROUTER_NODE = "conformance-router";
    public static final int SERVER_KEEP_ALIVE_C = 3;
    public static final int MAX_TOPIC_LEVELS_C = 4;
    public static final int MAX_TOPIC_LENGTH_C = 64;

    /** $SYS stats every second, so tests see them without waiting the default 30 s. */
    private static final Map<String, String> ROUTER_ENV = Map.of(
            "STARLING_ROUTER_SYS_INTERVAL", "1s",
            "STARLING_ROUTER_SYS_NODE_NAME", ROUTER_NODE);
    /** {@code $$} keeps SmallRye Config from expanding {@code ${clientid}} itself. */
    private static final Map<String, String> GATEWAY_C_ENV = Map.of(
            "STARLING_GATEWAY_MAX_KEEP_ALIVE", Integer.toString(SERVER_KEEP_ALIVE_C),
            "STARLING_GATEWAY_RESPONSE_INFORMATION", "responses/$${clientid}",
            "STARLING_GATEWAY_MAX_TOPIC_LEVELS", Integer.toString(MAX_TOPIC_LEVELS_C),
            "STARLING_GATEWAY_MAX_TOPIC_LENGTH", Integer.toString(MAX_TOPIC_LENGTH_C));

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceSuite.class);
    private static volatile StarlingSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        suite = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> startSuite(), Running.class).suite();
    }

    private static Running startSuite() {
        TestRedis redis = TestRedis.startPrivate();
        StarlingSuite suite = null;
        try {
            suite = StarlingSuite.startOnRedis("conformance", redis.uri(), ROUTER_ENV, GATEWAY_A, GATEWAY_B);
            suite.startGateway(GATEWAY_C, GATEWAY_C_ENV);
            return new Running(redis, suite);
        } catch (IOException e) {
            closeAfterFailedStart(suite, redis);
            throw new UncheckedIOException("the conformance suite did not start", e);
        } catch (RuntimeException e) {
            closeAfterFailedStart(suite, redis);
            throw e;
        }
    }

    private static void closeAfterFailedStart(StarlingSuite suite, TestRedis redis) {
        if (suite != null) {
            suite.close();
        }
        redis.close();
    }

    /** The suite and its Redis, closed together when the test run ends. */
    private record Running(TestRedis redis, StarlingSuite suite) implements AutoCloseable {

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
