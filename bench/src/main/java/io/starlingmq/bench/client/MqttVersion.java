package io.starlingmq.bench.client;

/** The protocol versions the load generator speaks. */
public enum MqttVersion {
    V311("3.1.1"), V5("5.0");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MqttVersion parse(String text) {
        return switch (text) {
            case "3", "3.1.1", "311" -> V311;
            case "5", "5.0" -> V5;
            default -> throw new IllegalArgumentException("unknown MQTT version: " + text + " (use 3.1.1 or 5)");
        };
    }
}
