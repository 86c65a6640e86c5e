package io.starlingmq.gateway.mqtt;

import io.starlingmq.gateway.validation.ReasonCode;

/** Whether a CONNECT may proceed; when not, the MQTT 5 CONNACK reason code to refuse it with. */
public record ConnectDecision(boolean allowed, int reasonCode) {

    public static final ConnectDecision ALLOW = new ConnectDecision(true, ReasonCode.SUCCESS);

    public static ConnectDecision deny(int reasonCode) {
        return new ConnectDecision(false, reasonCode);
    }
}
