package io.starlingmq.gateway.codec;

/** The byte-level rules of a DISCONNECT: empty in 3.1.1; 5.0 may add a reason code and properties (§3.14.2). */
final class DisconnectFrameRules {

    private DisconnectFrameRules() {
    }

    static void check(FrameReader reader, boolean mqtt5) {
        if (mqtt5 && reader.hasMore()) {
            reader.u8("DISCONNECT reason code");
            if (reader.hasMore()) {
                PropertySection.read(reader, PropertyTable.DISCONNECT);
            }
        }
        reader.expectEnd("DISCONNECT");
    }
}
