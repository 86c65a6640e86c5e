package io.starlingmq.contract.reason;

import java.util.Optional;

/** PUBREL reason codes (MQTT 5.0 §3.6.2.1). */
public enum PubrelReason implements ReasonCode {

    SUCCESS(0x00),
    PACKET_IDENTIFIER_NOT_FOUND(0x92, "packet identifier not found");

    private static final PubrelReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    PubrelReason(int code) {
        this(code, null);
    }

    PubrelReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<PubrelReason> fromCode(int code) {
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
