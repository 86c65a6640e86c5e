package io.starlingmq.launcher;

/** A part of the suite that runs as a process of its own, and the module whose packaged app it is. */
public enum StarlingPart {
    ROUTER("services/router"),
    GATEWAY("gateway"),
    AUTH_SERVICE("auth-service"),
    OPS("ops"),
    /** MQTT to and from Kafka ({@code ./starling up --kafka}). */
    BRIDGE("services/bridge");

    private final String module;

    StarlingPart(String module) {
        this.module = module;
    }

    /** The Maven module, relative to the repository root. */
    public String module() {
        return module;
    }

    /** The packaged app Quarkus builds, relative to the repository root. */
    public String jar() {
        return module + "/target/quarkus-app/quarkus-run.jar";
    }
}
