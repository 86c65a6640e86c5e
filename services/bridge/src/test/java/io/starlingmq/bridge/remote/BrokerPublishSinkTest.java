package io.starlingmq.bridge.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.template.Template;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A message the destination topic cannot be made for is a dead letter before anything is sent. */
class BrokerPublishSinkTest {

    /** Never started: these messages fail before the client would send anything. */
    private static final StarlingConnection NOT_CONNECTED = StarlingConnection.to("test",
            new StarlingConnection.Endpoint("127.0.0.1", 1, null, null, false, null),
            new StarlingConnection.Session("test", false, Duration.ZERO, 30, 10), Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    private static Throwable failureOf(String topicTemplate, InboundMessage message) {
        BrokerPublishSink sink = new BrokerPublishSink("remote broker mqtt://127.0.0.1:1", NOT_CONNECTED,
                Template.parse(topicTemplate, MessageVariables.ROOTS, MessageVariables.PATH_ROOTS), 1);
        ExecutionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> sink.send(message).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(failed).as("the send failed").isNotNull();
        return failed.getCause();
    }

    private static InboundMessage message(String topic, String publisher) {
        return new InboundMessage(topic, new byte[] {1}, 1, false, publisher, Optional.empty(), List.of(), 1L);
    }

    @Test
    void anUnknownPublisherInTheTopicMakesADeadLetter() {
        assertThat(failureOf("devices/${clientid}", message("sensors/1", "")))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("client id is not known");
    }

    @Test
    void aRenderedTopicWithAWildcardMakesADeadLetter() {
        assertThat(failureOf("site-a/${payload}/x", new InboundMessage("t", "+".getBytes(), 1, false, "p",
                Optional.empty(), List.of(), 1L)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("not a valid MQTT message for remote broker mqtt://127.0.0.1:1");
    }
}
