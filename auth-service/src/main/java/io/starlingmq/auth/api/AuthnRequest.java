package io.starlingmq.auth.api;

import io.starlingmq.auth.chain.Credentials;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a gateway sends on CONNECT. */
@Schema(description = "The identity a device presented in its CONNECT")
public record AuthnRequest(
        @Schema(required = true, description = "MQTT client id (as assigned, for an empty one)") String clientId,
        @Schema(description = "MQTT username, if any") String username,
        @Schema(description = "MQTT password as UTF-8 text: a JWT or a registry password") String password,
        @Schema(description = "Remote address of the connection, for logs") String peerAddress,
        @Schema(description = "Subject of the TLS client certificate, if any") String certificateSubject,
        @Schema(description = "MQTT protocol level: 4 (3.1.1) or 5") Integer protocolVersion) {

    public Credentials toCredentials() {
        return new Credentials(clientId, username, password, peerAddress, certificateSubject, protocolVersion);
    }
}
