package io.starlingmq.auth.jwt;

import io.starlingmq.auth.config.AuthConfig;
import org.jose4j.jwt.JwtClaims;

/** A token whose signature and registered claims checked out, with the issuer that vouched for it. */
public record VerifiedToken(String issuerName, AuthConfig.Issuer issuer, JwtClaims claims) {
}
