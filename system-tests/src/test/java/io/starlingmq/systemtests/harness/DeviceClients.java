package io.starlingmq.systemtests.harness;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ clients of an authenticating gateway, and the reason codes of their acknowledgements: the
 * client library reports a refused SUBSCRIBE or PUBLISH as an exception, which these turn back into the
 * codes the gateway sent.
 */
public final class DeviceClients {

    private static final long ACK_TIMEOUT_SECONDS = 10;

    private DeviceClients() {
    }

    public static Mqtt5BlockingClient mqtt5(String clientId, int port) {
        return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking();
    }

    public static Mqtt3BlockingClient mqtt3(String clientId, int port) {
        return Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking();
    }

    /** MQTT 5 CONNECT with the client id as user name and the token as password. */
    public static void connect(Mqtt5BlockingClient client, String token) {
        client.connectWith().simpleAuth()
                .username(client.getConfig().getClientIdentifier().orElseThrow().toString())
                .password(token.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
    }

    /** MQTT 3.1.1 CONNECT with the client id as user name and the token as password. */
    public static void connect(Mqtt3BlockingClient client, String token) {
        client.connectWith().simpleAuth()
                .username(client.getConfig().getClientIdentifier().orElseThrow().toString())
                .password(token.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
    }

    /** The SUBACK reason codes of a QoS 1 SUBSCRIBE to one filter. */
    public static List<Integer> subscribe(Mqtt5BlockingClient client, String filter) throws Exception {
        CompletableFuture<List<Integer>> codes = client.toAsync().subscribeWith().topicFilter(filter)
                .qos(MqttQos.AT_LEAST_ONCE).send()
                .thenApply(ack -> ack.getReasonCodes().stream().map(Mqtt5SubAckReasonCode::getCode).toList())
                .exceptionally(error -> unwrap(error) instanceof Mqtt5SubAckException refused
                        ? refused.getMqttMessage().getReasonCodes().stream().map(Mqtt5SubAckReasonCode::getCode).toList()
                        : rethrow(error));
        return codes.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The SUBACK return codes of a QoS 1 SUBSCRIBE to one filter. */
    public static List<Integer> subscribe(Mqtt3BlockingClient client, String filter) throws Exception {
        CompletableFuture<List<Integer>> codes = client.toAsync().subscribeWith().topicFilter(filter)
                .qos(MqttQos.AT_LEAST_ONCE).send()
                .thenApply(ack -> ack.getReturnCodes().stream().map(Mqtt3SubAckReturnCode::getCode).toList())
                .exceptionally(error -> unwrap(error) instanceof Mqtt3SubAckException refused
                        ? refused.getMqttMessage().getReturnCodes().stream().map(Mqtt3SubAckReturnCode::getCode).toList()
                        : rethrow(error));
        return codes.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The PUBACK reason code of a QoS 1 PUBLISH. */
    public static int publishQos1(Mqtt5BlockingClient client, String topic, String payload)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Integer> code = client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                .thenApply(result -> ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode().getCode())
                .exceptionally(error -> unwrap(error) instanceof Mqtt5PubAckException refused
                        ? refused.getMqttMessage().getReasonCode().getCode()
                        : rethrow(error));
        return code.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private static <T> T rethrow(Throwable error) {
        throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
}
