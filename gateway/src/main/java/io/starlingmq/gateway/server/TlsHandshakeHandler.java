package io.starlingmq.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.starlingmq.gateway.auth.CertificateIdentity;
import io.starlingmq.gateway.mqtt.TransportAttributes;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jboss.logging.Logger;

/**
 * Sits right behind the SslHandler. When the handshake succeeds it records the verified client certificate's
 * subject as {@link TransportAttributes} and leaves the pipeline; when it fails (untrusted or missing client
 * certificate, plain-text client, timeout) it closes the connection and keeps the expected TLS error out of
 * the WARN log.
 */
final class TlsHandshakeHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(TlsHandshakeHandler.class);

    private boolean handshakeFailed;

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                recordSubject(ctx);
                ctx.pipeline().remove(this);
            } else {
                handshakeFailed = true;
                LOG.debugf("TLS handshake with %s failed: %s", ctx.channel().remoteAddress(), completion.cause());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (handshakeFailed) {
            // Already logged with the completion event; the connection is closing.
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void recordSubject(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        Certificate[] peer;
        try {
            peer = ssl.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return;
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
            return;
        }
        String subject = leaf.getSubjectX500Principal().getName();
        ctx.channel().attr(TransportAttributes.CLIENT_CERT_SUBJECT).set(subject);
        // The TLS session keeps the peer's certificates for the connection's life anyway.
        ctx.channel().attr(TransportAttributes.CLIENT_CERTIFICATE).set(leaf);
        CertificateIdentity.commonName(subject)
                .ifPresent(cn -> ctx.channel().attr(TransportAttributes.CLIENT_CERT_CN).set(cn));
    }
}
