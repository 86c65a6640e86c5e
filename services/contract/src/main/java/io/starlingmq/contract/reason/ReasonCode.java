package io.starlingmq.contract.reason;

import java.util.Optional;

/**
 * What every MQTT 5 reason-code enum answers: the byte on the wire, whether it reports a failure, and the
 * short Reason String the gateway sends with it. Each packet kind has its own enum, so a code that its
 * packet cannot carry cannot be sent in it.
 */
public interface ReasonCode {

    /** The value sent on the wire (0x00..0xFF). */
    int code();

    /** MQTT 5 §2.4: codes from 0x80 up report a failure. */
    default boolean isError() {
        return isError(code());
    }

    /** The same rule for a code read from a peer, which need not be one its packet kind lists. */
    static boolean isError(int code) {
        return code >= 0x80;
    }

    /** The Reason String the gateway adds to a refusal with this code; empty when it sends none. */
    Optional<String> reasonString();
}
