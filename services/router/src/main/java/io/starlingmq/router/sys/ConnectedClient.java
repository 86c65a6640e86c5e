package io.starlingmq.router.sys;

import io.starlingmq.contract.link.v1.SessionOpen;

/** What a connected event says about a connection, kept for its disconnected event. */
record ConnectedClient(String clientId, String username, String ipAddress, int protoVer, int keepAlive,
                       boolean cleanStart, long expiryInterval, long connectedAtMillis) {

    static ConnectedClient of(SessionOpen open, long connectedAtMillis) {
        return new ConnectedClient(open.getClientId(), open.getUsername().isEmpty() ? null : open.getUsername(),
                host(open.getPeerAddress()), open.getProtocolVersion(), open.getKeepAlive(), open.getCleanStart(),
                Integer.toUnsignedLong(open.getSessionExpiryInterval()), connectedAtMillis);
    }

    /** "host:port", "[v6]:port" or a bare host: the host part, without brackets; null when unknown. */
    static String host(String peerAddress) {
        if (peerAddress.isEmpty()) {
            return null;
        }
        if (peerAddress.startsWith("[")) {
            int end = peerAddress.indexOf(']');
            return end > 0 ? peerAddress.substring(1, end) : peerAddress;
        }
        int colon = peerAddress.lastIndexOf(':');
        return colon > 0 && peerAddress.indexOf(':') == colon ? peerAddress.substring(0, colon) : peerAddress;
    }
}
