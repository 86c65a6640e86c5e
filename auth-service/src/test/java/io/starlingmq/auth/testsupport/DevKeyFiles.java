package io.starlingmq.auth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A development key pair in PEM files, as {@code ./starling up} makes one: the public key is what
 * the local profile trusts, the private key signs test tokens. Files, not fields, carry the key from
 * the test profile to the test, because Quarkus loads those two in different class loaders.
 */
public final class DevKeyFiles {

    public static final Path DIR = Path.of("target", "dev-key");
    public static final Path PUBLIC = DIR.resolve("public.pem");
    public static final Path PRIVATE = DIR.resolve("private.pem");

    private DevKeyFiles() {
    }

    /** Writes a fresh RSA pair unless one is there already; returns the public key file. */
    public static synchronized Path ensure() {
        try {
            if (Files.exists(PUBLIC) && Files.exists(PRIVATE)) {
                return PUBLIC.toAbsolutePath();
            }
            Files.createDirectories(DIR);
            KeyPair pair = rsaPair();
            Files.writeString(PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return PUBLIC.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey privateKey() {
        try {
            String body = Files.readString(PRIVATE).replaceAll("-----[A-Z ]+-----", "");
            byte[] der = Base64.getMimeDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
