package io.starlingmq.contract.reason;

import java.util.Optional;

/** CONNACK reason codes (MQTT 5.0 §3.2.2.2). */
public enum ConnackReason implements ReasonCode {

    SUCCESS(0x00),
    UNSPECIFIED_ERROR(0x80, "unspecified error"),
    MALFORMED_PACKET(0x81, "malformed packet"),
    PROTOCOL_ERROR(0x82, "protocol error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    UNSUPPORTED_PROTOCOL_VERSION(0x84, "unsupported protocol version"),
    CLIENT_IDENTIFIER_NOT_VALID(0x85, "client identifier not valid"),
    BAD_USER_NAME_OR_PASSWORD(0x86, "bad user name or password"),
    NOT_AUTHORIZED(0x87, "not authorized"),
    SERVER_UNAVAILABLE(0x88, "server unavailable"),
    SERVER_BUSY(0x89, "server busy"),
    BANNED(0x8A),
    BAD_AUTHENTICATION_METHOD(0x8C, "bad authentication method"),
    TOPIC_NAME_INVALID(0x90, "topic name invalid"),
    PACKET_TOO_LARGE(0x95, "packet too large"),
    QUOTA_EXCEEDED(0x97, "quota exceeded"),
    PAYLOAD_FORMAT_INVALID(0x99, "payload format invalid"),
    RETAIN_NOT_SUPPORTED(0x9A),
    QOS_NOT_SUPPORTED(0x9B),
    USE_ANOTHER_SERVER(0x9C),
    SERVER_MOVED(0x9D),
    CONNECTION_RATE_EXCEEDED(0x9F);

    private static final ConnackReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    ConnackReason(int code) {
        this(code, null);
    }

    ConnackReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<ConnackReason> fromCode(int code) {
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
