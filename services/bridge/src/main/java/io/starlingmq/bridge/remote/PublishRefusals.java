package io.starlingmq.bridge.remote;

import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import java.util.Set;

/**
 * Which refusals of a publish name the message itself (not authorized for its topic, a bad topic, a bad
 * payload format, too large to encode): those make it a dead letter. Anything else (the connection lost, the
 * broker busy or over quota) may pass, and the message is sent again.
 */
final class PublishRefusals {

    private static final Set<Mqtt5PubAckReasonCode> ACK_FOR_GOOD = Set.of(Mqtt5PubAckReasonCode.NOT_AUTHORIZED,
            Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID, Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    private static final Set<Mqtt5PubRecReasonCode> REC_FOR_GOOD = Set.of(Mqtt5PubRecReasonCode.NOT_AUTHORIZED,
            Mqtt5PubRecReasonCode.TOPIC_NAME_INVALID, Mqtt5PubRecReasonCode.PAYLOAD_FORMAT_INVALID);

    private PublishRefusals() {
    }

    /** The failure as the sink reports it: a {@link PoisonMessageException} or the failure itself. */
    static Throwable classify(String broker, Throwable error) {
        if (error instanceof Mqtt5PubAckException ack && ACK_FOR_GOOD.contains(ack.getMqttMessage().getReasonCode())) {
            return new PoisonMessageException(broker + " refused it: " + ack.getMqttMessage().getReasonCode());
        }
        if (error instanceof Mqtt5PubRecException rec && REC_FOR_GOOD.contains(rec.getMqttMessage().getReasonCode())) {
            return new PoisonMessageException(broker + " refused it: " + rec.getMqttMessage().getReasonCode());
        }
        if (error instanceof MqttEncodeException) {
            return new PoisonMessageException("cannot be sent to " + broker + ": " + error.getMessage());
        }
        return error;
    }
}
