package io.starlingmq.bridge.mqtt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message a rule read from Starling: what its templates and destinations see. {@code publisher} is the
 * publisher's client id when the gateway shows it to the bridge (empty otherwise); {@code receivedAtMillis} is
 * when the bridge read it.
 */
public record InboundMessage(String topic, byte[] payload, int qos, boolean retain, String publisher,
                             Optional<String> contentType, List<Map.Entry<String, String>> userProperties,
                             long receivedAtMillis) {

    public InboundMessage {
        userProperties = List.copyOf(userProperties);
    }

    /** The first user property named {@code key}. */
    public Optional<String> userProperty(String key) {
        return userProperties.stream().filter(entry -> entry.getKey().equals(key)).map(Map.Entry::getValue)
                .findFirst();
    }
}
