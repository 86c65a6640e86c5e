package io.starlingmq.gateway.codec;

/**
 * The byte-level rules of an AUTH (5.0 §3.15): an optional reason code and properties. Whether an
 * authentication exchange may happen at all is the re-authentication handler's judgement.
 */
final class AuthFrameRules {

    private AuthFrameRules() {
    }

    static void check(FrameReader reader) {
        if (reader.hasMore()) {
            reader.u8("AUTH reason code");
            if (reader.hasMore()) {
                PropertySection.read(reader, PropertyTable.AUTH);
            }
        }
        reader.expectEnd("AUTH");
    }
}
