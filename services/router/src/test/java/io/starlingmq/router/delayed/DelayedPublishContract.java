package io.starlingmq.router.delayed;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.MeterRegistry;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;
import io.starlingmq.router.testsupport.TestGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.deliverOf;
import static io.starlingmq.router.testsupport.TestGateway.deliverOn;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Delayed publish as gateways see it, run against each store by the subclasses. Every test uses its own
 * client ids, gateway ids and topics.
 */
abstract class DelayedPublishContract {

    @Inject
    MeterRegistry meters;

    protected final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<TestGateway> gateways = new ArrayList<>();

    protected String id(String name) {
        return name + "-" + run;
    }

    protected TestGateway gateway(String name) {
        TestGateway gateway = new TestGateway(id(name));
        gateways.add(gateway);
        return gateway;
    }

    @AfterEach
    void closeGateways() throws InterruptedException {
        for (TestGateway gateway : gateways) {
            gateway.close();
        }
    }

    @Test
    void aDelayedMessageReachesItsTopicAfterItsDelayAndNotBefore() {
        TestGateway gateway = gateway("gw");
        String topic = id("plant") + "/alarm";
        gateway.connectAndSubscribe(1, id("sub"), topic, 1);
        gateway.connectAndSubscribe(2, id("pub"), id("unused"), 0);
        Message message = Message.newBuilder().setTopic("$delayed/3/" + topic).setQos(1).setPublisher(id("pub"))
                .setPayload(ByteString.copyFrom("later", StandardCharsets.UTF_8))
                .setProperties(MessageProperties.newBuilder().setContentType("text/plain")
                        .setResponseTopic(topic + "/reply")
                        .addUserProperties(UserProperty.newBuilder().setKey("k").setValue("v")))
                .build();

        gateway.send(publish(2, id("pub"), 5, message));

        assertThat(gateway.take(publishDone(2, 5)).getPublishDone().getReasonCode()).isZero();
        // due in 3 s: for the first half second it must not have arrived
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> gateway.untaken(deliverOn(1, topic)).isEmpty());
        Deliver delivered = gateway.take(deliverOn(1, topic)).getDeliver();
        assertThat(delivered.getMessage().getPayload().toStringUtf8()).isEqualTo("later");
        assertThat(delivered.getQos()).isEqualTo(1);
        assertThat(delivered.getMessage().getPublisher()).isEqualTo(id("pub"));
        assertThat(delivered.getMessage().getProperties().getContentType()).isEqualTo("text/plain");
        assertThat(delivered.getMessage().getProperties().getResponseTopic()).isEqualTo(topic + "/reply");
        assertThat(delivered.getMessage().getProperties().getUserPropertiesList())
                .extracting(UserProperty::getKey, UserProperty::getValue).containsExactly(tuple("k", "v"));
    }

    @Test
    @DisplayName("A malformed $delayed topic is refused with 0x90 Topic Name invalid; at QoS 0 it is dropped and counted")
    void malformedDelayedTopicIsRefused() {
        TestGateway gateway = gateway("gw");
        gateway.connectAndSubscribe(2, id("pub"), id("unused"), 0);
        double invalidBefore = meters.get("starling.router.delayed.invalid").counter().count();

        gateway.send(publish(2, id("pub"), 6, "$delayed/soon/" + id("t"), "x", 1),
                publish(2, id("pub"), 7, "$delayed/10/" + id("t") + "/#", "x", 2),
                publish(2, id("pub"), 0, "$delayed/10", "x", 0));

        assertThat(gateway.take(publishDone(2, 6)).getPublishDone().getReasonCode()).isEqualTo(0x90);
        assertThat(gateway.take(publishDone(2, 7)).getPublishDone().getReasonCode()).isEqualTo(0x90);
        await().atMost(WAIT).until(() -> meters.get("starling.router.delayed.invalid").counter().count()
                >= invalidBefore + 3);
    }

    @Test
    void aDelayedPublishBetweenTwoOthersOfOneFrameLeavesThemRoutedNowAndInOrder() {
        TestGateway gateway = gateway("gw");
        String topic = id("line");
        gateway.connectAndSubscribe(1, id("sub"), topic, 1);
        gateway.connectAndSubscribe(2, id("pub"), id("unused"), 0);

        gateway.send(publish(2, id("pub"), 10, topic, "first", 1),
                publish(2, id("pub"), 11, "$delayed/1/" + topic, "delayed", 1),
                publish(2, id("pub"), 12, topic, "second", 1));

        assertThat(List.of(10, 11, 12)).allSatisfy(packetId ->
                assertThat(gateway.take(publishDone(2, packetId)).getPublishDone().getReasonCode()).isZero());
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            payloads.add(gateway.take(deliverOn(1, topic)).getDeliver().getMessage().getPayload().toStringUtf8());
        }
        assertThat(payloads).containsExactly("first", "second", "delayed");
    }

    @Test
    void aDelayedRetainedMessageIsRetainedOnItsTopicWhenPublished() {
        TestGateway gateway = gateway("gw");
        String topic = id("state");
        gateway.connectAndSubscribe(1, id("first"), topic, 0);
        gateway.connectAndSubscribe(2, id("pub"), id("unused"), 0);

        gateway.send(publish(2, id("pub"), 3, Message.newBuilder().setTopic("$delayed/0/" + topic).setQos(1)
                .setRetain(true).setPublisher(id("pub")).setPayload(ByteString.copyFromUtf8("on")).build()));
        gateway.take(deliverOf(1, "on"));

        gateway.connectAndSubscribe(3, id("late"), topic, 0);
        Deliver retained = gateway.take(deliverOf(3, "on")).getDeliver();
        assertThat(retained.getRetained()).isTrue();
    }
}
