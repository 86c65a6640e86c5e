package io.starlingmq.contract.reason;

import java.util.Optional;

/** PUBREC reason codes (MQTT 5.0 §3.5.2.1): the same values as PUBACK's. */
public enum PubrecReason implements ReasonCode {

    SUCCESS(0x00),
    NO_MATCHING_SUBSCRIBERS(0x10),
    UNSPECIFIED_ERROR(0x80, "unspecified error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    NOT_AUTHORIZED(0x87, "not authorized"),
    TOPIC_NAME_INVALID(0x90, "topic name invalid"),
    PACKET_IDENTIFIER_IN_USE(0x91),
    QUOTA_EXCEEDED(0x97, "quota exceeded"),
    PAYLOAD_FORMAT_INVALID(0x99, "payload format invalid");

    private static final PubrecReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    PubrecReason(int code) {
        this(code, null);
    }

    PubrecReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<PubrecReason> fromCode(int code) {
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
