package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import io.starlingmq.bench.client.ConnectionEnd;
import java.util.Optional;

/**
 * Records how the broker ended a HiveMQ client's connection: the client's disconnected listener sees a
 * server DISCONNECT (MQTT 5, with its reason code) or a closed connection. Ends of connects that never
 * succeeded, and the bench's own disconnects, are not the broker ending a connection.
 */
final class HiveMqConnectionWatch implements MqttClientDisconnectedListener {

    private volatile boolean connected;
    private volatile ConnectionEnd end;

    void connected() {
        connected = true;
    }

    Optional<ConnectionEnd> end() {
        return Optional.ofNullable(end);
    }

    @Override
    public void onDisconnected(MqttClientDisconnectedContext context) {
        if (!connected || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        connected = false;
        end = context.getCause() instanceof Mqtt5DisconnectException d
                ? ConnectionEnd.disconnect(d.getMqttMessage().getReasonCode().getCode())
                : ConnectionEnd.CLOSED;
    }
}
