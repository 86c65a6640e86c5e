package io.starlingmq.gateway.codec;

/**
 * Whether the frame stage may cut the next packet now. A packet not admitted stays unread in the
 * stage's buffer, and with reading paused the socket's own buffers fill: the sender is held back by
 * TCP instead of by a buffer of ours that would have to grow.
 */
@FunctionalInterface
public interface FrameAdmission {

    /** Every packet is admitted: the stage before the session starts, and a connection under no pressure. */
    FrameAdmission OPEN = (packetType, qos) -> true;

    /**
     * @param packetType the MQTT control packet type of the next packet (the fixed header's high nibble)
     * @param qos        its QoS when it is a PUBLISH, else 0
     */
    boolean admits(int packetType, int qos);
}
