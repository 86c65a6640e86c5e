package io.starlingmq.store;

import java.util.Optional;

/** What a ban's subject names; the wire names are EMQX's {@code as} values. */
public enum BanKind {

    CLIENT_ID("clientid"),
    USERNAME("username"),
    PEER_HOST("peerhost"),
    CLIENT_ID_PATTERN("clientid_re"),
    PEER_NETWORK("peerhost_net");

    private final String wireName;

    BanKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<BanKind> ofWireName(String name) {
        for (BanKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
