package io.starlingmq.ops.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A salted SHA-256 of an API key's secret. A secret is long and random, so a fast hash suffices (nothing to guess
 * from a dictionary); the salt keeps two equal secrets apart.
 */
public record SecretHash(byte[] salt, byte[] hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static SecretHash of(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new SecretHash(salt, digest(salt, secret));
    }

    /** Compares in constant time. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(hash, digest(salt, secret));
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
