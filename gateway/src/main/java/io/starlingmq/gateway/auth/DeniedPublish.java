package io.starlingmq.gateway.auth;

/** What the gateway does with a PUBLISH the connection's rules refuse. It is never forwarded. */
public enum DeniedPublish {
    /** 5.0 QoS 1 or 2: PUBACK or PUBREC with Not authorized (0x87); that ends a QoS 2 flow. */
    ANSWER_NOT_AUTHORIZED,
    /** 3.1.1 in drop mode, QoS 1 or 2: acknowledge as usual (PUBACK, or PUBREC then PUBCOMP) so the client does not resend it. */
    ACKNOWLEDGE_AND_DROP,
    /** QoS 0 (5.0, or 3.1.1 in drop mode): nothing to answer. */
    DROP_SILENTLY,
    /** 3.1.1 in disconnect mode: close the connection. */
    DISCONNECT;

    public static DeniedPublish of(int protocolVersion, int qos, AuthConfig.PublishDenied v3Policy) {
        if (protocolVersion == 5) {
            return qos == 0 ? DROP_SILENTLY : ANSWER_NOT_AUTHORIZED;
        }
        if (v3Policy == AuthConfig.PublishDenied.DISCONNECT) {
            return DISCONNECT;
        }
        return qos == 0 ? DROP_SILENTLY : ACKNOWLEDGE_AND_DROP;
    }
}
