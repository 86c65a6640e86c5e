package io.starlingmq.launcher;

import java.util.List;

/** What a Redis server keeps on disk. */
public enum RedisPersistence {
    /** Nothing: test servers, whose data dies with the run. */
    NONE(List.of("--appendonly", "no", "--save", "")),
    /** The append-only file, fsynced every second, as {@code ./starling up} and the bench run it. */
    APPEND_ONLY_EVERY_SECOND(List.of("--appendonly", "yes", "--appendfsync", "everysec", "--save", ""));

    private final List<String> arguments;

    RedisPersistence(List<String> arguments) {
        this.arguments = arguments;
    }

    List<String> arguments() {
        return arguments;
    }
}
