package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ClientFacts;

import java.util.LinkedHashMap;
import java.util.Map;

/** A client as EMQX's {@code /clients} shows one, from what a router knows of its session. */
final class ClientJson {

    private static final long NEVER_EXPIRES = 0xFFFFFFFFL;

    private ClientJson() {
    }

    static Map<String, Object> of(String clientId, boolean connected, String gatewayId, int subscriptions,
                                  ClientFacts facts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientid", clientId);
        body.put("username", facts.getUsername().isEmpty() ? null : facts.getUsername());
        HostPort peer = HostPort.of(facts.getPeerAddress());
        body.put("ip_address", peer.host());
        body.put("port", peer.port());
        body.put("connected", connected);
        body.put("node", connected ? gatewayId : null);
        body.put("proto_name", "MQTT");
        body.put("proto_ver", facts.getProtocolVersion() == 0 ? null : facts.getProtocolVersion());
        body.put("keepalive", facts.getKeepAlive());
        body.put("clean_start", facts.getCleanStart());
        body.put("expiry_interval", facts.getExpiryInterval() == NEVER_EXPIRES ? -1 : facts.getExpiryInterval());
        body.put("created_at", ApiTimes.format(facts.getCreatedAt()));
        body.put("connected_at", ApiTimes.format(facts.getConnectedAt()));
        if (!connected) {
            body.put("disconnected_at", ApiTimes.format(facts.getDisconnectedAt()));
        }
        body.put("subscriptions_cnt", subscriptions);
        return body;
    }

    /** A peer address split as EMQX shows it; null parts when unknown. */
    record HostPort(String host, Integer port) {

        static HostPort of(String address) {
            if (address.isEmpty()) {
                return new HostPort(null, null);
            }
            int colon = address.lastIndexOf(':');
            if (colon < 0 || address.endsWith("]")) {
                return new HostPort(address, null);
            }
            String host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new HostPort(host, Integer.parseInt(address.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return new HostPort(address, null);
            }
        }
    }
}
