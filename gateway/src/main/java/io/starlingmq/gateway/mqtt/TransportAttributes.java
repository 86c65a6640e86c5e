package io.starlingmq.gateway.mqtt;

import io.netty.util.AttributeKey;
import java.security.cert.X509Certificate;

/**
 * Channel attributes the transports set for the handlers behind them. All are set once the TLS handshake
 * succeeded with a verified client certificate (TLS and WSS listeners with client-auth optional or
 * required) and are absent otherwise. They live here, beside the handlers that read them, so that the
 * transports in {@code server} depend on the handlers and never the other way.
 */
public final class TransportAttributes {

    /** Subject distinguished name of the client certificate, RFC 2253 form. */
    public static final AttributeKey<String> CLIENT_CERT_SUBJECT = AttributeKey.valueOf("starling.tls.client-subject");

    /** Common name (CN) of the client certificate's subject; absent when the subject has none. */
    public static final AttributeKey<String> CLIENT_CERT_CN = AttributeKey.valueOf("starling.tls.client-cn");

    /** The verified client certificate itself, for names other than the subject's ({@code CertificateIdentity}). */
    public static final AttributeKey<X509Certificate> CLIENT_CERTIFICATE =
            AttributeKey.valueOf("starling.tls.client-certificate");

    private TransportAttributes() {
    }
}
