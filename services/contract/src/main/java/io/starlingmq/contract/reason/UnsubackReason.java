package io.starlingmq.contract.reason;

import java.util.Optional;

/** UNSUBACK reason codes (MQTT 5.0 §3.11.3). */
public enum UnsubackReason implements ReasonCode {

    SUCCESS(0x00),
    NO_SUBSCRIPTION_EXISTED(0x11),
    UNSPECIFIED_ERROR(0x80, "unspecified error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    NOT_AUTHORIZED(0x87, "not authorized"),
    TOPIC_FILTER_INVALID(0x8F, "topic filter invalid"),
    PACKET_IDENTIFIER_IN_USE(0x91);

    private static final UnsubackReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    UnsubackReason(int code) {
        this(code, null);
    }

    UnsubackReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<UnsubackReason> fromCode(int code) {
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
