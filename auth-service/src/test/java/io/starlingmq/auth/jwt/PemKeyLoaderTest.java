package io.starlingmq.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.auth.testsupport.DevKeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rsaPublicKeyBecomesTheIssuersOnlySigningKey() throws Exception {
        PublicKey key = DevKeyFiles.rsaPair().getPublic();
        KeyLoader.Loaded loaded = new PemKeyLoader("urn:x", write(DevKeyFiles.pem("PUBLIC KEY", key.getEncoded()))).load();
        assertThat(loaded.issuer()).isEqualTo("urn:x");
        assertThat(loaded.signingKeys()).singleElement().isInstanceOf(RsaJsonWebKey.class)
                .satisfies(jwk -> assertThat(jwk.getKey()).isEqualTo(key))
                .satisfies(jwk -> assertThat(jwk.getUse()).isEqualTo("sig"));
    }

    @Test
    void ecPublicKeyIsReadForEs256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey key = generator.generateKeyPair().getPublic();
        KeyLoader.Loaded loaded = new PemKeyLoader("urn:x", write(DevKeyFiles.pem("PUBLIC KEY", key.getEncoded()))).load();
        assertThat(loaded.signingKeys()).singleElement().isInstanceOf(EllipticCurveJsonWebKey.class);
    }

    @Test
    void privateKeyFileIsRefused() throws Exception {
        Path file = write(DevKeyFiles.pem("PRIVATE KEY", DevKeyFiles.rsaPair().getPrivate().getEncoded()));
        assertThatThrownBy(() -> new PemKeyLoader("urn:x", file).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM public key");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> new PemKeyLoader("urn:x", dir.resolve("absent.pem")).load())
                .isInstanceOf(IOException.class);
    }
}
