package io.starlingmq.router.sys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** This router's node name and start time, for its {@code $SYS} topics. */
@ApplicationScoped
public class SysNode {

    private final String name;
    private final long startedAtMillis = System.currentTimeMillis();

    @Inject
    public SysNode(SysConfig config) {
        this.name = SysTopics.level(config.nodeName().orElseGet(SysNode::defaultName));
    }

    public String name() {
        return name;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    private static String defaultName() {
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return hostName() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "router";
        }
    }
}
