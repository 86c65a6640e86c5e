package io.starlingmq.contract.reason;

import java.util.Optional;

/** SUBACK reason codes (MQTT 5.0 §3.9.3): the granted QoS, or why a filter was refused. */
public enum SubackReason implements ReasonCode {

    GRANTED_QOS_0(0x00),
    GRANTED_QOS_1(0x01),
    GRANTED_QOS_2(0x02),
    UNSPECIFIED_ERROR(0x80, "unspecified error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    NOT_AUTHORIZED(0x87, "not authorized"),
    TOPIC_FILTER_INVALID(0x8F, "topic filter invalid"),
    PACKET_IDENTIFIER_IN_USE(0x91),
    QUOTA_EXCEEDED(0x97, "quota exceeded"),
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E, "shared subscriptions not supported"),
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final SubackReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    SubackReason(int code) {
        this(code, null);
    }

    SubackReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The code that grants {@code qos} (0, 1 or 2). */
    public static SubackReason granted(int qos) {
        return switch (qos) {
            case 0 -> GRANTED_QOS_0;
            case 1 -> GRANTED_QOS_1;
            case 2 -> GRANTED_QOS_2;
            default -> throw new IllegalArgumentException("no QoS " + qos);
        };
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<SubackReason> fromCode(int code) {
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
