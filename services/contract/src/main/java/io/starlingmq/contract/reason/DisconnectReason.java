package io.starlingmq.contract.reason;

import java.util.Optional;

/**
 * DISCONNECT reason codes (MQTT 5.0 §3.14.2.1), plus {@link #BAD_AUTHENTICATION_METHOD}, which that table
 * does not list.
 */
public enum DisconnectReason implements ReasonCode {

    NORMAL_DISCONNECTION(0x00),
    DISCONNECT_WITH_WILL_MESSAGE(0x04),
    UNSPECIFIED_ERROR(0x80, "unspecified error"),
    MALFORMED_PACKET(0x81, "malformed packet"),
    PROTOCOL_ERROR(0x82, "protocol error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    NOT_AUTHORIZED(0x87, "not authorized"),
    SERVER_BUSY(0x89, "server busy"),
    SERVER_SHUTTING_DOWN(0x8B, "server shutting down"),
    /**
     * Not in the DISCONNECT table. The gateway has always ended a re-authentication under another method
     * than the CONNECT's with it (§4.12.1 asks for "an appropriate Reason Code"), and its clients see it.
     */
    BAD_AUTHENTICATION_METHOD(0x8C, "bad authentication method"),
    KEEP_ALIVE_TIMEOUT(0x8D, "keep alive timeout"),
    SESSION_TAKEN_OVER(0x8E, "session taken over"),
    TOPIC_FILTER_INVALID(0x8F, "topic filter invalid"),
    TOPIC_NAME_INVALID(0x90, "topic name invalid"),
    RECEIVE_MAXIMUM_EXCEEDED(0x93, "receive maximum exceeded"),
    TOPIC_ALIAS_INVALID(0x94, "topic alias invalid"),
    PACKET_TOO_LARGE(0x95, "packet too large"),
    MESSAGE_RATE_TOO_HIGH(0x96),
    QUOTA_EXCEEDED(0x97, "quota exceeded"),
    ADMINISTRATIVE_ACTION(0x98),
    PAYLOAD_FORMAT_INVALID(0x99, "payload format invalid"),
    RETAIN_NOT_SUPPORTED(0x9A),
    QOS_NOT_SUPPORTED(0x9B),
    USE_ANOTHER_SERVER(0x9C),
    SERVER_MOVED(0x9D),
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E, "shared subscriptions not supported"),
    CONNECTION_RATE_EXCEEDED(0x9F),
    MAXIMUM_CONNECT_TIME(0xA0, "maximum connect time"),
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final DisconnectReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    DisconnectReason(int code) {
        this(code, null);
    }

    DisconnectReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<DisconnectReason> fromCode(int code) {
        return ReasonCodes.find(BY_CODE, code);
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public Optional<String> reasonString() {
        return Optional.ofNullable(reasonString);
    }
}
