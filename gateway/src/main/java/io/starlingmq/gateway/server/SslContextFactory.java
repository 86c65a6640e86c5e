package io.starlingmq.gateway.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.starlingmq.gateway.config.TransportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds a server SslContext from the PEM files named under {@code starling.gateway.tls}. */
final class SslContextFactory {

    private final Path certFile;
    private final Path keyFile;
    private final Optional<Path> caFile;
    private final TransportConfig.ClientAuthMode clientAuth;

    SslContextFactory(TransportConfig.Tls tls) {
        this.certFile = tls.certFile().orElseThrow(() -> new IllegalStateException(
                "starling.gateway.tls.cert-file is required when the TLS or WSS listener is enabled"));
        this.keyFile = tls.keyFile().orElseThrow(() -> new IllegalStateException(
                "starling.gateway.tls.key-file is required when the TLS or WSS listener is enabled"));
        this.caFile = tls.caFile();
        this.clientAuth = tls.clientAuth();
        if (clientAuth != TransportConfig.ClientAuthMode.NONE && caFile.isEmpty()) {
            throw new IllegalStateException(
                    "starling.gateway.tls.ca-file is required when starling.gateway.tls.client-auth is " + clientAuth);
        }
    }

    /** The files whose content makes up the context, watched for reloads. */
    List<Path> files() {
        return caFile.map(ca -> List.of(certFile, keyFile, ca)).orElseGet(() -> List.of(certFile, keyFile));
    }

    /** OpenSSL when netty-tcnative is on the class path, the JDK's provider otherwise. */
    static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    SslContext build() {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile())
                    .sslProvider(provider())
                    .clientAuth(switch (clientAuth) {
                        case NONE -> ClientAuth.NONE;
                        case OPTIONAL -> ClientAuth.OPTIONAL;
                        case REQUIRED -> ClientAuth.REQUIRE;
                    });
            if (caFile.isPresent()) {
                builder.trustManager(caFile.get().toFile());
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the TLS certificates " + files(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the TLS certificates " + files(), e);
        }
    }
}
