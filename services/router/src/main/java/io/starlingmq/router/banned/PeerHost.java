package io.starlingmq.router.banned;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals as bans name them and as gateways report peers ({@code host:port}, {@code [v6]:port}). */
final class PeerHost {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private PeerHost() {
    }

    /**
     * The address of an IP literal; empty for anything else. Never asks DNS: a name is not a literal, and
     * {@link InetAddress#getByName} resolves only what passed the literal patterns here.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45
                || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The host of a gateway's {@code host:port} / {@code [v6]:port}; empty when it is not an IP literal. */
    static Optional<InetAddress> ofPeerAddress(String peerAddress) {
        if (peerAddress == null || peerAddress.isEmpty()) {
            return Optional.empty();
        }
        String host;
        if (peerAddress.startsWith("[")) {
            int end = peerAddress.indexOf(']');
            host = end < 0 ? "" : peerAddress.substring(1, end);
        } else {
            int colon = peerAddress.lastIndexOf(':');
            host = colon < 0 ? peerAddress : peerAddress.substring(0, colon);
        }
        return literal(host);
    }
}
