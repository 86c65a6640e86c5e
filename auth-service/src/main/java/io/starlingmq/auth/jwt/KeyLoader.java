package io.starlingmq.auth.jwt;

import java.io.IOException;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/** Where an issuer's identity and signing keys come from: OIDC discovery or a static key file. */
interface KeyLoader {

    /** Loads the issuer's current {@code iss} value and signing keys. Blocking. */
    Loaded load() throws IOException;

    record Loaded(String issuer, List<JsonWebKey> signingKeys) {
    }
}
