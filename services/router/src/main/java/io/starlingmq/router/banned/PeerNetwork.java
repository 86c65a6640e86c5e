package io.starlingmq.router.banned;

import java.net.InetAddress;
import java.util.Optional;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), matched bit by bit. */
record PeerNetwork(byte[] prefix, int bits) {

    static Optional<PeerNetwork> parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> address = PeerHost.literal(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (address.isEmpty() || bits < 0 || bits > address.get().getAddress().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new PeerNetwork(address.get().getAddress(), bits));
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (prefix[whole] & mask);
    }
}
