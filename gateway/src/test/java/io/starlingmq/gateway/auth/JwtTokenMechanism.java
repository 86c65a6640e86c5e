package io.starlingmq.gateway.auth;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import com.hivemq.client.mqtt.mqtt5.auth.Mqtt5EnhancedAuthMechanism;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5Auth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5AuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HiveMQ client's side of single-step enhanced authentication under method {@code JWT}: sends the
 * current token at CONNECT and on every re-authentication, and accepts the server's success.
 */
final class JwtTokenMechanism implements Mqtt5EnhancedAuthMechanism {

    private final AtomicReference<String> token;

    JwtTokenMechanism(String initialToken) {
        this.token = new AtomicReference<>(initialToken);
    }

    /** The token the next re-authentication presents. */
    void refresh(String freshToken) {
        token.set(freshToken);
    }

    private byte[] tokenBytes() {
        return token.get().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public MqttUtf8String getMethod() {
        return MqttUtf8String.of("JWT");
    }

    @Override
    public int getTimeout() {
        return 20;
    }

    @Override
    public CompletableFuture<Void> onAuth(Mqtt5ClientConfig config, Mqtt5Connect connect, Mqtt5EnhancedAuthBuilder auth) {
        auth.data(tokenBytes());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> onReAuth(Mqtt5ClientConfig config, Mqtt5AuthBuilder auth) {
        auth.data(tokenBytes());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> onContinue(Mqtt5ClientConfig config, Mqtt5Auth auth, Mqtt5AuthBuilder next) {
        // Single-step method: a challenge from the server is not expected.
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletableFuture<Boolean> onAuthSuccess(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> onReAuthSuccess(Mqtt5ClientConfig config, Mqtt5Auth auth) {
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void onAuthRejected(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        // The CONNECT future fails with the CONNACK; nothing to add.
    }

    @Override
    public void onReAuthRejected(Mqtt5ClientConfig config, Mqtt5Disconnect disconnect) {
        // The reauth() future fails; nothing to add.
    }

    @Override
    public void onAuthError(Mqtt5ClientConfig config, Throwable cause) {
        // The CONNECT future fails; nothing to add.
    }

    @Override
    public void onReAuthError(Mqtt5ClientConfig config, Throwable cause) {
        // The reauth() future fails; nothing to add.
    }
}
