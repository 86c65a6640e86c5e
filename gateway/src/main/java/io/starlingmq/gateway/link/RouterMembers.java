package io.starlingmq.gateway.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Where the routers are: a fixed list of {@code host:port}, or every address a DNS name has (the routers'
 * headless Service), asked again on every {@link #current()}. With DNS a member is {@code ip:port}; a router
 * pod replaced under a new address is a new member.
 */
public final class RouterMembers {

    static {
        // The JDK keeps a positive answer 30 s by default: too long to notice a router that joined.
        if (Security.getProperty("networkaddress.cache.ttl") == null) {
            Security.setProperty("networkaddress.cache.ttl", "2");
        }
    }

    private final List<String> fixed;
    private final String dnsName;
    private final int dnsPort;
    private final Function<String, List<String>> resolver;

    private RouterMembers(List<String> fixed, String dnsName, int dnsPort, Function<String, List<String>> resolver) {
        this.fixed = fixed;
        this.dnsName = dnsName;
        this.dnsPort = dnsPort;
        this.resolver = resolver;
    }

    public static RouterMembers fixed(List<String> routers) {
        return new RouterMembers(routers.stream().map(String::trim).filter(r -> !r.isEmpty()).distinct().toList(),
                null, 0, null);
    }

    /** {@code hostPort} is {@code name:port}; the name resolves to the routers' addresses. */
    public static RouterMembers dns(String hostPort) {
        return dns(hostPort, RouterMembers::lookUp);
    }

    static RouterMembers dns(String hostPort, Function<String, List<String>> resolver) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("router DNS name must be name:port, was " + hostPort);
        }
        return new RouterMembers(null, hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                resolver);
    }

    public boolean dynamic() {
        return dnsName != null;
    }

    /** The members now; with DNS, an empty list while the name does not resolve. */
    public List<String> current() {
        if (dnsName == null) {
            return fixed;
        }
        return resolver.apply(dnsName).stream().sorted().map(address -> address + ":" + dnsPort).toList();
    }

    @Override
    public String toString() {
        return dnsName == null ? fixed.toString() : "DNS " + dnsName + ":" + dnsPort;
    }

    private static List<String> lookUp(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name)).map(InetAddress::getHostAddress).distinct().toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
