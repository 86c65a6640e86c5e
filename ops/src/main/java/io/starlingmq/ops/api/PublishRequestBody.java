package io.starlingmq.ops.api;

import java.util.Map;

/**
 * The body of {@code POST /api/v5/publish}, EMQX's fields: the topic, the payload ({@code payload_encoding}
 * {@code plain}, the default, or {@code base64}), QoS (default 0), retain, the publisher's client id
 * (optional) and MQTT 5 properties.
 */
public record PublishRequestBody(String topic, String payload, String payloadEncoding, Integer qos, Boolean retain,
                                 String clientid, Properties properties) {

    /** MQTT 5 properties as EMQX names them; {@code correlation_data} is plain text, as EMQX takes it. */
    public record Properties(Integer payloadFormatIndicator, Long messageExpiryInterval, String responseTopic,
                             String correlationData, Map<String, String> userProperties, String contentType) {
    }
}
