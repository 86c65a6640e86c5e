package io.starlingmq.contract.reason;

import java.util.Optional;

/** AUTH reason codes (MQTT 5.0 §3.15.2.1). */
public enum AuthReason implements ReasonCode {

    SUCCESS(0x00),
    CONTINUE_AUTHENTICATION(0x18),
    RE_AUTHENTICATE(0x19);

    private static final AuthReason[] BY_CODE = ReasonCodes.byCode(values());

    private final int code;
    private final String reasonString;

    AuthReason(int code) {
        this(code, null);
    }

    AuthReason(int code, String reasonString) {
        this.code = code;
        this.reasonString = reasonString;
    }

    /** The constant for a code read from the wire or the contract; empty when this packet kind has no such code. */
    public static Optional<AuthReason> fromCode(int code) {
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
