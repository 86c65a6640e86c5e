package io.starlingmq.bridge.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.bridge.config.BridgeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.logging.Logger;

/**
 * One MQTT 5 connection of a rule to a broker (Starling's gateways, or a remote broker for a broker bridge).
 * It reconnects by itself with a doubling delay, runs {@code onConnect} (subscribing) after every connect,
 * and can be restarted on purpose: a rule whose destination failed drops the connection without acknowledging,
 * so the broker's session sends the unacknowledged messages again after the reconnect.
 */
public final class StarlingConnection {

    private static final Logger LOG = Logger.getLogger(StarlingConnection.class);

    private final String name;
    private final Mqtt5AsyncClient client;
    private final Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect;
    private final Duration minDelay;
    private final Duration maxDelay;
    private volatile Supplier<CompletableFuture<?>> onConnect = () -> CompletableFuture.completedFuture(null);
    private volatile boolean stopping;
    private volatile boolean connected;
    private final AtomicBoolean restartAsked = new AtomicBoolean();
    /** Completes when the connection now up (or being made) ends; replaced by a fresh one each time. */
    private volatile CompletableFuture<Void> connectionEnded = new CompletableFuture<>();
    private volatile String problem = "not connected yet";

    private StarlingConnection(String name, Endpoint endpoint, Session session, Duration minDelay, Duration maxDelay) {
        this.name = name;
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier(session.clientId())
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(this::onDisconnected);
        if (endpoint.tls()) {
            MqttClientSslConfigBuilder.Nested<? extends Mqtt5ClientBuilder> ssl = builder.sslConfig();
            if (endpoint.caFile() != null) {
                ssl.trustManagerFactory(trustManagers(endpoint.caFile()));
            }
            builder = ssl.applySslConfig();
        }
        this.client = builder.buildAsync();
        var connectWith = client.connectWith()
                .cleanStart(!session.persistent())
                .sessionExpiryInterval(session.persistent() ? session.expiry().toSeconds() : 0)
                .keepAlive(session.keepAlive())
                .restrictions().receiveMaximum(session.receiveMaximum()).applyRestrictions();
        if (endpoint.username() != null) {
            var auth = connectWith.simpleAuth().username(endpoint.username());
            if (endpoint.password() != null) {
                auth = auth.password(endpoint.password().getBytes(StandardCharsets.UTF_8));
            }
            connectWith = auth.applySimpleAuth();
        }
        this.connect = connectWith;
    }

    /** A connection to Starling's gateways with the bridge's MQTT settings. */
    public static StarlingConnection toStarling(String name, BridgeConfig.Mqtt mqtt, String clientId,
                                                boolean persistent) {
        Endpoint endpoint = new Endpoint(mqtt.host(), mqtt.port(), mqtt.username().orElse(null),
                mqtt.password().orElse(null), mqtt.tls(), mqtt.caFile().orElse(null));
        Session session = new Session(clientId, persistent, mqtt.sessionExpiry(), mqtt.keepAlive(),
                mqtt.receiveMaximum());
        return new StarlingConnection(name, endpoint, session, mqtt.reconnectMinDelay(), mqtt.reconnectMaxDelay());
    }

    /** A connection to any broker. */
    public static StarlingConnection to(String name, Endpoint endpoint, Session session, Duration minDelay,
                                        Duration maxDelay) {
        return new StarlingConnection(name, endpoint, session, minDelay, maxDelay);
    }

    /** Where to connect and as whom; {@code caFile} null = the JDK's trust store when {@code tls}. */
    public record Endpoint(String host, int port, String username, String password, boolean tls, Path caFile) {
    }

    /** The session asked for: persistent ones outlive the connection by {@code expiry}. */
    public record Session(String clientId, boolean persistent, Duration expiry, int keepAlive, int receiveMaximum) {
    }

    /** Messages arriving on this connection; each must be acknowledged through {@link Mqtt5Publish#acknowledge}. */
    public void onMessage(Consumer<Mqtt5Publish> handler) {
        client.publishes(MqttGlobalPublishFilter.ALL, handler, true);
    }

    /** Runs after every connect (subscribe here: a broker without the session has forgotten them). */
    public void onConnect(Supplier<CompletableFuture<?>> action) {
        this.onConnect = action;
    }

    public void start() {
        connect.send().exceptionally(failure -> null);
    }

    public Mqtt5AsyncClient client() {
        return client;
    }

    public boolean connected() {
        return connected;
    }

    /** Why it is not connected (or "connected"). */
    public String problem() {
        return connected ? "connected" : problem;
    }

    /**
     * Completes once the connection that is up now (or being made) has ended. A message read before then
     * came through that connection or an earlier one: after this completes, acknowledging it sends no PUBACK
     * (the client has no channel for it, and sends none for an earlier connection's message).
     */
    public CompletableFuture<Void> connectionEnded() {
        return connectionEnded;
    }

    /** Drops the connection without acknowledging what is in flight; it comes back after the back-off. */
    public void restart(String reason) {
        // The client's own state, not {@code connected}: messages arrive before the re-subscription completes.
        if (!stopping && client.getState().isConnected() && restartAsked.compareAndSet(false, true)) {
            LOG.warnf("rule %s: reconnecting to have unacknowledged messages sent again (%s)", name, reason);
            problem = reason;
            client.disconnect().whenComplete((ok, failure) -> {
                if (failure != null) {
                    restartAsked.set(false);
                }
            });
        }
    }

    /** Disconnects for good; a persistent session stays with the broker, collecting messages. */
    public void stop() {
        stopping = true;
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("rule %s: disconnect: %s", name, e.getMessage());
        }
    }

    private void onConnected(MqttClientConnectedContext context) {
        onConnect.get().whenComplete((ignored, failure) -> {
            if (failure != null) {
                problem = "set-up after connect failed: " + failure.getMessage();
                LOG.warnf("rule %s: %s", name, problem);
                client.disconnect().exceptionally(f -> null);
            } else {
                connected = true;
                LOG.infof("rule %s: connected to %s", name, context.getClientConfig().getServerAddress());
            }
        });
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        connected = false;
        CompletableFuture<Void> ended = connectionEnded;
        connectionEnded = new CompletableFuture<>();
        restartAsked.set(false);
        ended.complete(null);
        if (context.getSource() != MqttDisconnectSource.USER) {
            problem = describe(context.getCause());
        }
        if (stopping) {
            return;
        }
        int attempts = context.getReconnector().getAttempts();
        long delay = Math.min(maxDelay.toMillis(), minDelay.toMillis() << Math.min(attempts, 16));
        if (attempts == 0 || attempts % 10 == 0) {
            LOG.warnf("rule %s: not connected (%s); trying again in %d ms", name, problem, delay);
        }
        context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "disconnected";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static TrustManagerFactory trustManagers(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA certificates in " + caFile + ": " + e.getMessage(),
                    e);
        }
    }
}
