package io.starlingmq.launcher.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local development key pair in {@code .starling/dev-key}, made once: {@code private.pem} (PKCS#8, only
 * the owner may read it) signs device tokens ({@code ./starling token} uses it with openssl), and
 * {@code public.pem}, which the auth service's local profile trusts.
 */
public record DevKey(Path dir) {

    private static final int KEY_BITS = 2048;

    public Path privateKey() {
        return dir.resolve("private.pem");
    }

    public Path publicKey() {
        return dir.resolve("public.pem");
    }

    /** Makes the pair unless both files exist; answers whether it made one. */
    public boolean ensure() throws IOException {
        if (Files.isRegularFile(privateKey()) && Files.isRegularFile(publicKey())) {
            return false;
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            pair = generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(privateKey());
        Files.createFile(privateKey(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return true;
    }

    public PrivateKey readPrivateKey() throws IOException {
        String text = Files.readString(privateKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("no RSA private key in " + privateKey(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
