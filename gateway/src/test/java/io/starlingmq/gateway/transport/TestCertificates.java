package io.starlingmq.gateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A CA and server certificate made by the gateway's own dev-certs.sh (so the script is exercised too),
 * client certificates signed by that CA with openssl, and the JSSE objects test clients need.
 */
public final class TestCertificates {

    private static final Path DEV_CERTS = Path.of("src/main/scripts/dev-certs.sh");
    private static final char[] NO_PASSWORD = new char[0];

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Runs dev-certs.sh into a new temporary folder. */
    public static TestCertificates generate() {
        try {
            Path folder = Files.createTempDirectory("starling-certs");
            run(List.of("bash", DEV_CERTS.toString(), folder.toString()));
            return new TestCertificates(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path caFile() {
        return folder.resolve("ca.pem");
    }

    public Path serverCertFile() {
        return folder.resolve("server.pem");
    }

    public Path serverKeyFile() {
        return folder.resolve("server.key");
    }

    /** Replaces this set's server certificate and key with another set's, key first (as an operator would). */
    public void replaceServerCertificateWith(TestCertificates other) throws IOException {
        Files.copy(other.serverKeyFile(), serverKeyFile(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.serverCertFile(), serverCertFile(), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Issues a client certificate with subject CN={@code commonName}, signed by this CA. */
    public ClientCertificate issueClient(String commonName) throws IOException {
        return issueClient(commonName, null);
    }

    /**
     * Issues a client certificate with subject CN={@code commonName} and, when not null, the given
     * subject alternative names in openssl's form (e.g. {@code DNS:a.example,email:a@example.org}).
     */
    public ClientCertificate issueClient(String commonName, String subjectAltNames) throws IOException {
        Path key = folder.resolve(commonName + ".key");
        Path csr = folder.resolve(commonName + ".csr");
        Path cert = folder.resolve(commonName + ".pem");
        Path ext = folder.resolve(commonName + ".ext");
        Files.writeString(ext, "extendedKeyUsage=clientAuth\n"
                + (subjectAltNames == null ? "" : "subjectAltName=" + subjectAltNames + "\n"));
        run(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                key.toString()));
        run(List.of("openssl", "req", "-new", "-key", key.toString(), "-subj", "/O=Starling Tests/CN=" + commonName,
                "-out", csr.toString()));
        run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caFile().toString(), "-CAkey",
                folder.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-sha256", "-extfile",
                ext.toString(), "-out", cert.toString()));
        return new ClientCertificate(cert, key);
    }

    /** Trusts this CA only. */
    public TrustManagerFactory trustManagerFactory() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", readCertificate(caFile()));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    /** An SSLContext trusting this CA, presenting {@code client} when given. */
    public SSLContext sslContext(ClientCertificate client) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(client == null ? null : client.keyManagerFactory().getKeyManagers(),
                trustManagerFactory().getTrustManagers(), null);
        return context;
    }

    static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed with " + process.exitValue() + ": " + output);
        }
    }

    /** A client certificate and its PKCS#8 key, both PEM. */
    public record ClientCertificate(Path certFile, Path keyFile) {

        public X509Certificate certificate() throws IOException, GeneralSecurityException {
            return readCertificate(certFile);
        }

        public KeyManagerFactory keyManagerFactory() throws IOException, GeneralSecurityException {
            String pem = Files.readString(keyFile, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, NO_PASSWORD, new Certificate[] {readCertificate(certFile)});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory;
        }
    }
}
