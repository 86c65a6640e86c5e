package io.starlingmq.gateway.server;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The SslContext new TLS connections get. {@link #reloadIfChanged()}, called on a schedule, compares a
 * digest of the PEM files with the one the current context was built from and swaps in a new context when
 * they differ; open connections keep the context they started with. Content rather than modification time
 * is compared so that coarse file-system timestamps cannot hide a change. A failed reload (for example a
 * certificate written but its key not yet) keeps the old context and is retried on the next check.
 */
final class ReloadingSslContext {

    private static final Logger LOG = Logger.getLogger(ReloadingSslContext.class);

    private final SslContextFactory factory;
    private volatile SslContext current;
    private byte[] loadedDigest;

    /** Builds the first context; fails when the files cannot be loaded, so a bad setup stops startup. */
    ReloadingSslContext(SslContextFactory factory) {
        this.factory = factory;
        this.loadedDigest = digest(factory.files());
        this.current = factory.build();
    }

    SslContext current() {
        return current;
    }

    /** Returns true when a new context was swapped in. Called from one scheduler thread only. */
    boolean reloadIfChanged() {
        byte[] digest;
        try {
            digest = digest(factory.files());
        } catch (IllegalStateException unreadable) {
            LOG.warnf("TLS certificate files not readable, keeping the current ones: %s", unreadable.getMessage());
            return false;
        }
        if (Arrays.equals(digest, loadedDigest)) {
            return false;
        }
        try {
            current = factory.build();
            loadedDigest = digest;
            LOG.infof("TLS certificates reloaded from %s", factory.files());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("TLS certificate files changed but cannot be loaded, keeping the current ones: %s",
                    e.getMessage());
            return false;
        }
    }

    private static byte[] digest(List<Path> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha256.update(Files.readAllBytes(file));
            }
            return sha256.digest();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + files + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
