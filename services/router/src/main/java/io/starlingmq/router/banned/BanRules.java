package io.starlingmq.router.banned;

import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a ban well formed: the checks the admin service applies before storing one. */
public final class BanRules {

    /** A client id pattern longer than this is refused: every CONNECT runs every pattern. */
    public static final int MAX_PATTERN_LENGTH = 256;

    private BanRules() {
    }

    /** Why {@code who} cannot be banned as {@code kind}, or empty when it can. */
    public static Optional<String> problem(BanKind kind, String who) {
        if (who == null || who.isEmpty()) {
            return Optional.of("who is empty");
        }
        return switch (kind) {
            case CLIENT_ID, USERNAME -> who.length() > 65535 ? Optional.of("who is longer than an MQTT string")
                    : Optional.empty();
            case PEER_HOST -> PeerHost.literal(who).isPresent() ? Optional.empty()
                    : Optional.of("who is not an IP address: " + who);
            case PEER_NETWORK -> PeerNetwork.parse(who).isPresent() ? Optional.empty()
                    : Optional.of("who is not a network in CIDR notation (such as 10.0.0.0/8): " + who);
            case CLIENT_ID_PATTERN -> patternProblem(who);
        };
    }

    static Pattern compile(Ban ban) {
        return Pattern.compile(ban.who());
    }

    private static Optional<String> patternProblem(String who) {
        if (who.length() > MAX_PATTERN_LENGTH) {
            return Optional.of("who is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(who);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("who is not a regular expression: " + e.getDescription());
        }
    }
}
