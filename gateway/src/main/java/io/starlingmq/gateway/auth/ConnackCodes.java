package io.starlingmq.gateway.auth;

/** The CONNACK code that answers an {@link AuthDecision}, for MQTT 3.1.1 and for 5.0. */
public final class ConnackCodes {

    public static final int ACCEPTED = 0x00;

    public static final int V3_SERVER_UNAVAILABLE = 0x03;
    public static final int V3_BAD_USER_NAME_OR_PASSWORD = 0x04;
    public static final int V3_NOT_AUTHORIZED = 0x05;

    public static final int V5_BAD_USER_NAME_OR_PASSWORD = 0x86;
    public static final int V5_NOT_AUTHORIZED = 0x87;
    public static final int V5_SERVER_UNAVAILABLE = 0x88;
    public static final int V5_SERVER_BUSY = 0x89;
    public static final int V5_BAD_AUTHENTICATION_METHOD = 0x8C;

    private ConnackCodes() {
    }

    public static int forProtocol(AuthDecision decision, int protocolVersion) {
        return protocolVersion == 5 ? mqtt5(decision) : mqtt311(decision);
    }

    public static int mqtt5(AuthDecision decision) {
        return switch (decision) {
            case AuthDecision.Allow allow -> ACCEPTED;
            case AuthDecision.Deny deny -> switch (deny.refusal()) {
                case BAD_CREDENTIALS -> V5_BAD_USER_NAME_OR_PASSWORD;
                case NOT_AUTHORIZED -> V5_NOT_AUTHORIZED;
                case BAD_AUTHENTICATION_METHOD -> V5_BAD_AUTHENTICATION_METHOD;
            };
            case AuthDecision.Unavailable unavailable -> V5_SERVER_UNAVAILABLE;
            case AuthDecision.Busy busy -> V5_SERVER_BUSY;
        };
    }

    /** 3.1.1 has no busy and no authentication method: both become server unavailable. */
    public static int mqtt311(AuthDecision decision) {
        return switch (decision) {
            case AuthDecision.Allow allow -> ACCEPTED;
            case AuthDecision.Deny deny -> switch (deny.refusal()) {
                case BAD_CREDENTIALS -> V3_BAD_USER_NAME_OR_PASSWORD;
                case NOT_AUTHORIZED -> V3_NOT_AUTHORIZED;
                case BAD_AUTHENTICATION_METHOD -> V3_SERVER_UNAVAILABLE;
            };
            case AuthDecision.Unavailable unavailable -> V3_SERVER_UNAVAILABLE;
            case AuthDecision.Busy busy -> V3_SERVER_UNAVAILABLE;
        };
    }
}
