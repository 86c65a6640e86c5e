package io.starlingmq.bridge.kafka;

/** What became of one record published to MQTT: carried, never carriable (dead letter), or to be tried again. */
record PublishOutcome(Kind kind, String reason) {

    enum Kind {
        CARRIED,
        POISON,
        RETRY
    }

    static final PublishOutcome CARRIED = new PublishOutcome(Kind.CARRIED, "");

    static PublishOutcome poison(String reason) {
        return new PublishOutcome(Kind.POISON, reason);
    }

    static PublishOutcome retry(String reason) {
        return new PublishOutcome(Kind.RETRY, reason);
    }
}
