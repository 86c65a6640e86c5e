package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeyTest {

    @TempDir
    Path dir;

    @Test
    void makesThePairOnceWithAPrivateKeyOnlyTheOwnerReads() throws Exception {
        DevKey key = new DevKey(dir.resolve("dev-key"));

        assertThat(key.ensure()).isTrue();
        String first = Files.readString(key.privateKey());
        assertThat(key.ensure()).isFalse();

        assertThat(Files.readString(key.privateKey())).isEqualTo(first).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey()))).isEqualTo("rw-------");
        assertThat(Files.readString(key.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void opensslReadsThePrivateKeyAsTheTokenCommandDoes() throws Exception {
        DevKey key = new DevKey(dir);
        key.ensure();

        Process openssl = new ProcessBuilder("openssl", "pkey", "-in", key.privateKey().toString(), "-noout")
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void aSignedTokenVerifiesWithThePublicKeyAndCarriesTheClaims() throws Exception {
        DevKey key = new DevKey(dir);
        key.ensure();
        String acl = "{\"pub\":[\"devices/${clientid}/#\"],\"sub\":[\"devices/#\"]}";

        String[] token = DevKeyToken.sign(key.readPrivateKey(), "dev-\"1", acl).split("\\.");

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(key.publicKey()));
        rsa.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(token[2]))).isTrue();
        String payload = new String(Base64.getUrlDecoder().decode(token[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"urn:starling:local-dev\"", "\"aud\":\"starling-mqtt\"",
                "\"client_id\":\"dev-\\\"1\"", "\"acl\":" + acl);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
