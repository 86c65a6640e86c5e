package io.starlingmq.bench.client;

import java.nio.charset.StandardCharsets;

/** The MQTT username and password a client presents on CONNECT (for Starling with JWT: the token as password). */
public record Credentials(String username, byte[] password) {

    public static Credentials of(String username, String password) {
        return new Credentials(username, password.getBytes(StandardCharsets.UTF_8));
    }
}
