package io.starlingmq.router.routing;

import io.starlingmq.contract.link.v1.Message;

/**
 * The Message Expiry Interval of a routed message. The router sets {@code expires_at_ms} when it receives a
 * message that has an interval (receipt + interval), and only then; {@code properties.message_expiry_interval}
 * keeps the interval as published, so the instant of receipt is always deadline - interval.
 */
public final class MessageExpiry {

    /** Deadline meaning "never expires". */
    public static final long NEVER = 0;

    private MessageExpiry() {
    }

    /**
     * The message as the router holds it from {@code nowMillis}: its deadline counts from now, whatever deadline
     * it came with. A message without an interval is answered unchanged.
     */
    public static Message received(Message message, long nowMillis) {
        if (!message.getProperties().hasMessageExpiryInterval()) {
            return message.getExpiresAtMs() == NEVER ? message : message.toBuilder().clearExpiresAtMs().build();
        }
        return message.toBuilder().setExpiresAtMs(nowMillis + intervalMillis(message)).build();
    }

    /**
     * A message a gateway handed back (a shared delivery to redispatch): it keeps the deadline the router gave
     * it, so its expiry is not restarted; the interval it carries is then the one counted to that deadline.
     */
    public static Message returned(Message message, long nowMillis) {
        long deadline = message.getExpiresAtMs();
        if (deadline == NEVER) {
            return received(message, nowMillis);
        }
        if (message.getProperties().hasMessageExpiryInterval()) {
            return message;
        }
        return message.toBuilder().setProperties(message.getProperties().toBuilder()
                .setMessageExpiryInterval((int) remainingSeconds(deadline, nowMillis))).build();
    }

    /**
     * The message of a Deliver: its deadline, and the interval that remains of it in whole seconds, rounded up
     * [MQTT-3.3.2-6]. A message that never expires is answered unchanged.
     */
    public static Message delivered(Message message, long nowMillis) {
        long deadline = message.getExpiresAtMs();
        if (deadline == NEVER) {
            return message;
        }
        return message.toBuilder().setProperties(message.getProperties().toBuilder()
                .setMessageExpiryInterval((int) remainingSeconds(deadline, nowMillis))).build();
    }

    /** Whether its interval has passed at {@code nowMillis}: it must not be delivered any more. */
    public static boolean expiredAt(Message message, long nowMillis) {
        long deadline = message.getExpiresAtMs();
        return deadline != NEVER && nowMillis > deadline;
    }

    /** When the router received it: its deadline less its interval; {@code otherwise} when it never expires. */
    public static long receivedAt(Message message, long otherwise) {
        long deadline = message.getExpiresAtMs();
        return deadline == NEVER ? otherwise : deadline - intervalMillis(message);
    }

    /** Whole seconds left until {@code deadline}, rounded up; 0 once it passed. */
    static long remainingSeconds(long deadline, long nowMillis) {
        return Math.max(0, Math.ceilDiv(deadline - nowMillis, 1000L));
    }

    private static long intervalMillis(Message message) {
        return Integer.toUnsignedLong(message.getProperties().getMessageExpiryInterval()) * 1000;
    }
}
