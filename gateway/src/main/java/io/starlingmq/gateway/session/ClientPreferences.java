package io.starlingmq.gateway.session;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.starlingmq.gateway.validation.PropertyRules;

/**
 * What an MQTT 5 client asked for in its CONNECT that shapes what the gateway sends it: the most topic
 * aliases it accepts, the largest packet it accepts, and whether it wants reason strings on every
 * refusal. A 3.1.1 client gets the defaults (no aliases, no size bound, problem information allowed).
 */
public record ClientPreferences(int topicAliasMaximum, long maximumPacketSize, boolean problemInformation) {

    /** No bound on the packets a client accepts beyond MQTT's own (268,435,460 bytes). */
    public static final long NO_PACKET_SIZE_BOUND = Long.MAX_VALUE;

    public static final ClientPreferences DEFAULTS = new ClientPreferences(0, NO_PACKET_SIZE_BOUND, true);

    public static ClientPreferences fromConnect(MqttProperties properties, boolean mqtt5) {
        if (!mqtt5) {
            return DEFAULTS;
        }
        return new ClientPreferences(
                (int) PropertyRules.intValue(properties, MqttPropertyType.TOPIC_ALIAS_MAXIMUM, 0),
                PropertyRules.intValue(properties, MqttPropertyType.MAXIMUM_PACKET_SIZE, NO_PACKET_SIZE_BOUND),
                PropertyRules.intValue(properties, MqttPropertyType.REQUEST_PROBLEM_INFORMATION, 1) != 0);
    }
}
