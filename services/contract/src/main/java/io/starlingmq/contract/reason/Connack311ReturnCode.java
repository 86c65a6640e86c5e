package io.starlingmq.contract.reason;

import java.util.Optional;

/**
 * CONNACK return codes of MQTT 3.1.1 (§3.2.2.3), and the one translation of an MQTT 5 CONNACK reason into
 * them: the gateway decides in MQTT 5 terms and answers a 3.1.1 client with this.
 */
public enum Connack311ReturnCode {

    ACCEPTED(0x00),
    UNACCEPTABLE_PROTOCOL_VERSION(0x01),
    IDENTIFIER_REJECTED(0x02),
    SERVER_UNAVAILABLE(0x03),
    BAD_USER_NAME_OR_PASSWORD(0x04),
    NOT_AUTHORIZED(0x05);

    private final int code;

    Connack311ReturnCode(int code) {
        this.code = code;
    }

    /** The constant for a code read from the wire; empty for a code 3.1.1 does not define. */
    public static Optional<Connack311ReturnCode> fromCode(int code) {
        for (Connack311ReturnCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The 3.1.1 answer to a CONNECT that MQTT 5 answers with {@code reason}. Empty when no return code fits
     * (a malformed CONNECT, a protocol error, a will topic refused): 3.1.1 then closes without a CONNACK.
     * Every other refusal without a 3.1.1 counterpart becomes Server unavailable.
     */
    public static Optional<Connack311ReturnCode> of(ConnackReason reason) {
        return switch (reason) {
            case SUCCESS -> Optional.of(ACCEPTED);
            case UNSUPPORTED_PROTOCOL_VERSION -> Optional.of(UNACCEPTABLE_PROTOCOL_VERSION);
            case CLIENT_IDENTIFIER_NOT_VALID -> Optional.of(IDENTIFIER_REJECTED);
            case BAD_USER_NAME_OR_PASSWORD -> Optional.of(BAD_USER_NAME_OR_PASSWORD);
            // 3.1.1 has no Banned; Not authorized is what a banned client is
            case NOT_AUTHORIZED, BANNED -> Optional.of(NOT_AUTHORIZED);
            case MALFORMED_PACKET, PROTOCOL_ERROR, TOPIC_NAME_INVALID -> Optional.empty();
            default -> Optional.of(SERVER_UNAVAILABLE);
        };
    }

    /** The value sent on the wire. */
    public int code() {
        return code;
    }

    /** 3.1.1 refuses with any code but 0. */
    public boolean isError() {
        return code != 0;
    }
}
