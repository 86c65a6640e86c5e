package io.starlingmq.gateway.auth;

/** Reason codes for operations the access rules refuse, and for the credential's expiry. */
public final class AccessReasonCodes {

    /** 5.0 PUBACK, PUBREC and SUBACK (per filter): Not authorized. */
    public static final int NOT_AUTHORIZED = 0x87;
    /** 3.1.1 SUBACK return code for a refused filter. */
    public static final int V3_SUBACK_FAILURE = 0x80;
    /** 5.0 DISCONNECT when the credential expires: Maximum connect time. */
    public static final int MAXIMUM_CONNECT_TIME = 0xA0;

    private AccessReasonCodes() {
    }

    public static int refusedSubscription(boolean mqtt5) {
        return mqtt5 ? NOT_AUTHORIZED : V3_SUBACK_FAILURE;
    }
}
