package io.starlingmq.gateway.support;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.Kick;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.RouterEvent;

/** Router events a test sends to the gateway through its {@link TestRouter}. */
public final class RouterEvents {

    private RouterEvents() {
    }

    /** A Deliver of a small payload, to be completed by the caller. */
    public static Deliver.Builder deliver(long connectionId, String topic, int qos, int packetId) {
        return Deliver.newBuilder()
                .setConnectionId(connectionId)
                .setMessage(Message.newBuilder().setTopic(topic).setQos(qos).setPayload(ByteString.copyFromUtf8("hello")))
                .setQos(qos)
                .setPacketId(packetId);
    }

    public static RouterEvent of(Deliver.Builder deliver) {
        return RouterEvent.newBuilder().setDeliver(deliver).build();
    }

    public static RouterEvent kick(long connectionId, int reasonCode) {
        return RouterEvent.newBuilder().setKick(Kick.newBuilder().setConnectionId(connectionId)
                .setReasonCode(reasonCode)).build();
    }
}
