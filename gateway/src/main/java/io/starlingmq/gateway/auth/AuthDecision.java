package io.starlingmq.gateway.auth;

import io.starlingmq.rules.AccessRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The verdict on one CONNECT. Anything but {@link Allow} refuses the connection. */
public sealed interface AuthDecision {

    static AuthDecision allow(List<AccessRule> rules, boolean superuser, Instant expiresAt) {
        return new Allow(rules, superuser, expiresAt);
    }

    static AuthDecision deny(Refusal refusal, String reason) {
        return new Deny(refusal, reason);
    }

    static AuthDecision unavailable(String reason) {
        return new Unavailable(reason);
    }

    static AuthDecision busy() {
        return new Busy();
    }

    /** Allowed under {@code rules} (ignored for a superuser) until {@code expiresAt}, if not null. */
    record Allow(List<AccessRule> rules, boolean superuser, Instant expiresAt) implements AuthDecision {
        public Allow {
            rules = List.copyOf(rules);
        }

        public Optional<Instant> expiry() {
            return Optional.ofNullable(expiresAt);
        }
    }

    /** Refused for a reason the device may learn (as a CONNACK code); {@code reason} is for logs only. */
    record Deny(Refusal refusal, String reason) implements AuthDecision {
    }

    /** The auth service could not be asked or gave no usable answer: fail closed. */
    record Unavailable(String reason) implements AuthDecision {
    }

    /** Too many authentications are in flight on this gateway. */
    record Busy() implements AuthDecision {
    }

    enum Refusal {
        /** The credentials were checked and are wrong. */
        BAD_CREDENTIALS,
        /** Nothing recognised the credentials, or they do not grant a connection. */
        NOT_AUTHORIZED,
        /** MQTT 5 enhanced authentication with a method this gateway does not offer. */
        BAD_AUTHENTICATION_METHOD
    }
}
