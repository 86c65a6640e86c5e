package io.starlingmq.auth.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * One static public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, RSA or EC), with a
 * configured {@code iss}. This replaces discovery for the local development issuer, which has no
 * web server of its own. The key has no {@code kid}: tokens match it as the issuer's only key.
 */
final class PemKeyLoader implements KeyLoader {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private final String issuer;
    private final Path file;

    PemKeyLoader(String issuer, Path file) {
        this.issuer = issuer;
        this.file = file;
    }

    @Override
    public Loaded load() throws IOException {
        return new Loaded(issuer, List.of(toJwk(readPublicKey(file))));
    }

    static PublicKey readPublicKey(Path file) throws IOException {
        String pem = Files.readString(file);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " holds no PEM public key (" + BEGIN + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM body is not base64", e);
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // not a key of this type; try the next one
            }
        }
        throw new IOException(file + " holds neither an RSA nor an EC public key");
    }

    private static JsonWebKey toJwk(PublicKey key) throws IOException {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setUse(Use.SIGNATURE);
            return jwk;
        } catch (JoseException e) {
            throw new IOException("unsupported public key: " + e.getMessage(), e);
        }
    }
}
