package io.starlingmq.bench.kafka;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import io.reactivex.schedulers.Schedulers;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The bridge's MQTT side without Kafka: one HiveMQ MQTT 5 client with a persistent session (Clean Start 0, an
 * hour's expiry), the same Receive Maximum the bridge asks (1,000), a QoS 1 shared subscription, each message
 * acknowledged as soon as its callback returned. What it takes is what the broker's session path gives one
 * persistent session.
 */
final class PlainSubscriber implements AutoCloseable {

    static final String CLIENT_ID = "bench-plain-subscriber";
    /** Its filter; level 1 of a topic names the step, as for the bridge. */
    static final String FILTER = "plain/#";
    static final String SHARED = "$share/bench-plain/" + FILTER;
    /** The bridge's default {@code starling.bridge.mqtt.receive-maximum}. */
    static final int RECEIVE_MAXIMUM = 1000;

    private final Mqtt5AsyncClient client;

    /** @param onMessage gets each message's topic and payload on the client's own thread */
    PlainSubscriber(int mqttPort, BiConsumer<String, ByteBuffer> onMessage) {
        client = MqttClient.builder().useMqttVersion5().identifier(CLIENT_ID).serverHost("127.0.0.1").serverPort(mqttPort)
                .executorConfig(MqttClientExecutorConfig.builder().applicationScheduler(Schedulers.trampoline()).build())
                .buildAsync();
        // Global: messages of the session sent right after CONNACK are seen too.
        client.publishes(MqttGlobalPublishFilter.ALL, p -> onMessage.accept(p.getTopic().toString(),
                p.getPayload().orElse(ByteBuffer.allocate(0))));
    }

    void connect() throws Exception {
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600).keepAlive(60)
                .restrictions(Mqtt5ConnectRestrictions.builder().receiveMaximum(RECEIVE_MAXIMUM).build())
                .send().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(SHARED).qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
    }

    /** Connects again (its gateway was restarted): the session, with its subscription, resumes. */
    void reconnect() throws Exception {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the gateway already closed the connection
        }
        connect();
    }

    /** Disconnects with a session expiry of 0, so the store keeps nothing of it. */
    @Override
    public void close() {
        try {
            client.disconnectWith().sessionExpiryInterval(0).send().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone: nothing of it matters any more
        }
    }
}
