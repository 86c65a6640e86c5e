package io.starlingmq.router.admin;

import io.starlingmq.contract.admin.v1.ClientFacts;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.contract.admin.v1.ListedClient;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.ClientInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Answers ListClients from the session directory: a page in client id order, after the request's filters. */
final class ClientListing {

    /** The largest page a request may ask for. */
    static final int MAX_LIMIT = 10_000;

    private ClientListing() {
    }

    static ListClientsReply page(ListClientsRequest request, SessionDirectory directory, SubscriptionIndex subscriptions) {
        int limit = request.getLimit() == 0 ? 100 : Math.min(request.getLimit(), MAX_LIMIT);
        Predicate<SessionDirectory.Listed> filter = filter(request);
        SessionDirectory.Page page = directory.page(request.getAfter().isEmpty() ? null : request.getAfter(),
                request.getSkip(), limit, filter);
        ListClientsReply.Builder reply = ListClientsReply.newBuilder().setHasNext(page.hasNext())
                .setTotal(filtered(request) ? -1 : directory.size());
        for (SessionDirectory.Listed listed : page.sessions()) {
            reply.addClients(listed(listed, subscriptions.subscriptionCount(listed.clientId())));
        }
        return reply.build();
    }

    static ListedClient listed(SessionDirectory.Listed listed, int subscriptionCount) {
        SessionDirectory.Entry entry = listed.entry();
        ListedClient.Builder client = ListedClient.newBuilder().setClientId(listed.clientId())
                .setConnected(entry.online()).setPersistent(entry.persistent()).setSubscriptions(subscriptionCount)
                .setFacts(facts(entry.info()));
        if (entry.online()) {
            client.setGatewayId(entry.holder().gatewayId());
        }
        return client.build();
    }

    static ClientFacts facts(ClientInfo info) {
        ClientConnect connect = info.connect();
        return ClientFacts.newBuilder().setUsername(connect.username()).setPeerAddress(connect.peerAddress())
                .setProtocolVersion(connect.protocolVersion()).setKeepAlive(connect.keepAlive())
                .setCleanStart(info.cleanStart()).setExpiryInterval(info.expirySeconds())
                .setCreatedAt(info.createdAt()).setConnectedAt(info.connectedAt())
                .setDisconnectedAt(info.disconnectedAt()).build();
    }

    private static boolean filtered(ListClientsRequest request) {
        return !request.getClientIdContains().isEmpty() || !request.getUsername().isEmpty()
                || !request.getIpAddress().isEmpty() || !request.getConnState().isEmpty()
                || !request.getGatewayId().isEmpty() || request.getProtocolVersion() != 0;
    }

    private static Predicate<SessionDirectory.Listed> filter(ListClientsRequest request) {
        List<Predicate<SessionDirectory.Listed>> tests = new ArrayList<>();
        if (!request.getClientIdContains().isEmpty()) {
            String part = request.getClientIdContains();
            tests.add(listed -> listed.clientId().contains(part));
        }
        if (!request.getUsername().isEmpty()) {
            String username = request.getUsername();
            tests.add(listed -> username.equals(listed.entry().info().connect().username()));
        }
        if (!request.getIpAddress().isEmpty()) {
            String host = request.getIpAddress();
            tests.add(listed -> host.equals(hostOf(listed.entry().info().connect().peerAddress())));
        }
        switch (request.getConnState()) {
            case "connected" -> tests.add(listed -> listed.entry().online());
            case "disconnected" -> tests.add(listed -> !listed.entry().online());
            default -> {
            }
        }
        if (!request.getGatewayId().isEmpty()) {
            String gateway = request.getGatewayId();
            tests.add(listed -> listed.entry().online() && gateway.equals(listed.entry().holder().gatewayId()));
        }
        if (request.getProtocolVersion() != 0) {
            int version = request.getProtocolVersion();
            tests.add(listed -> listed.entry().info().connect().protocolVersion() == version);
        }
        return listed -> {
            for (Predicate<SessionDirectory.Listed> test : tests) {
                if (!test.test(listed)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The host of {@code host:port} or {@code [v6]:port}. */
    static String hostOf(String peerAddress) {
        if (peerAddress.startsWith("[")) {
            int end = peerAddress.indexOf(']');
            return end < 0 ? peerAddress : peerAddress.substring(1, end);
        }
        int colon = peerAddress.lastIndexOf(':');
        return colon < 0 ? peerAddress : peerAddress.substring(0, colon);
    }
}
