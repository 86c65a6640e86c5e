package io.starlingmq.ops.routers;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.starlingmq.contract.admin.v1.AddBanReply;
import io.starlingmq.contract.admin.v1.AddBanRequest;
import io.starlingmq.contract.admin.v1.BanEntry;
import io.starlingmq.contract.admin.v1.DeleteBanRequest;
import io.starlingmq.contract.admin.v1.GetClientReply;
import io.starlingmq.contract.admin.v1.GetClientRequest;
import io.starlingmq.contract.admin.v1.KickClientRequest;
import io.starlingmq.contract.admin.v1.ListBansReply;
import io.starlingmq.contract.admin.v1.ListBansRequest;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.contract.admin.v1.ClientMessage;
import io.starlingmq.contract.admin.v1.DelayedEntry;
import io.starlingmq.contract.admin.v1.DelayedRequest;
import io.starlingmq.contract.admin.v1.ListClientMessagesRequest;
import io.starlingmq.contract.admin.v1.ListDelayedReply;
import io.starlingmq.contract.admin.v1.ListDelayedRequest;
import io.starlingmq.contract.admin.v1.ListRetainedReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsRequest;
import io.starlingmq.contract.admin.v1.ListTopicsReply;
import io.starlingmq.contract.admin.v1.ListTopicsRequest;
import io.starlingmq.contract.admin.v1.SubscribeClientRequest;
import io.starlingmq.contract.admin.v1.UnsubscribeClientRequest;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.admin.v1.ListRetainedRequest;
import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.contract.admin.v1.MetricsRequest;
import io.starlingmq.contract.admin.v1.RetainedRequest;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.contract.admin.v1.ListGatewaysRequest;
import io.starlingmq.contract.admin.v1.PublishRequest;
import io.starlingmq.contract.admin.v1.RebalanceRequest;
import io.starlingmq.contract.admin.v1.StatsReply;
import io.starlingmq.contract.admin.v1.StatsRequest;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.ops.config.OpsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One gRPC channel to each configured router's RouterAdmin service, each call with the configured deadline.
 * Every router sees every gateway and follows the store's change feed, so a read asks every router (to
 * tell which answer) and a change asks them in turn until one answers.
 */
@ApplicationScoped
public class RouterAdminClients {

    private static final Logger LOG = Logger.getLogger(RouterAdminClients.class);

    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private final long timeoutMillis;

    @Inject
    public RouterAdminClients(OpsConfig config) {
        for (String router : config.routers()) {
            channels.put(router, NettyChannelBuilder.forTarget(router).usePlaintext().build());
        }
        this.timeoutMillis = config.routerTimeout().toMillis();
    }

    /** One router's answer, or why there is none (the gRPC status code). */
    public record RouterAnswer<T>(String router, Optional<T> reply, String failure) {
    }

    /** Every router's list of the gateways linked to it. */
    public List<RouterAnswer<ListGatewaysReply>> listGateways() {
        return askEvery(stub -> stub.listGateways(ListGatewaysRequest.getDefaultInstance()));
    }

    /** Every router's counts of its replicas. */
    public List<RouterAnswer<StatsReply>> stats() {
        return askEvery(stub -> stub.stats(StatsRequest.getDefaultInstance()));
    }

    /** Every router's message counters. */
    public List<RouterAnswer<MetricsReply>> metrics() {
        return askEvery(stub -> stub.metrics(MetricsRequest.getDefaultInstance()));
    }

    /** Asks every router, in the configured order; one that does not answer is named with its status. */
    private <T> List<RouterAnswer<T>> askEvery(Function<RouterAdminGrpc.RouterAdminBlockingStub, T> call) {
        List<RouterAnswer<T>> answers = new ArrayList<>();
        channels.forEach((router, channel) -> {
            try {
                answers.add(new RouterAnswer<>(router, Optional.of(call.apply(stub(channel))), ""));
            } catch (StatusRuntimeException e) {
                answers.add(new RouterAnswer<>(router, Optional.empty(), e.getStatus().getCode().name()));
            }
        });
        return answers;
    }

    /**
     * Asks the routers in turn to end {@code clientId}'s connection; the first that answers decides.
     *
     * @return whether the client was connected (and is being disconnected)
     * @throws RoutersUnavailableException when no router answered
     */
    public boolean kick(String clientId) {
        return firstAnswer("kick", stub -> stub.kickClient(KickClientRequest.newBuilder().setClientId(clientId).build())
                .getKicked());
    }

    /**
     * Has a router publish {@code message} as the broker's own.
     *
     * @return whether a subscription matched its topic
     * @throws RoutersUnavailableException when no router answered
     */
    public boolean publish(Message message) {
        return firstAnswer("publish", stub -> stub.publish(PublishRequest.newBuilder().setMessage(message).build())
                .getMatched());
    }

    /** One client's session as a router knows it. */
    public GetClientReply client(String clientId) {
        return firstAnswer("client lookup", stub -> stub.getClient(GetClientRequest.newBuilder().setClientId(clientId)
                .build()));
    }

    /** A page of retained messages in topic order, and how many there are. */
    public ListRetainedReply listRetained(int offset, int limit) {
        return firstAnswer("retained listing", stub -> stub.listRetained(ListRetainedRequest.newBuilder().setOffset(offset)
                .setLimit(limit).build()));
    }

    /** The topic's retained message, if it has one. */
    public Optional<Message> getRetained(String topic) {
        return firstAnswer("retained message", stub -> {
            var reply = stub.getRetained(RetainedRequest.newBuilder().setTopic(topic).build());
            return reply.hasMessage() ? Optional.of(reply.getMessage()) : Optional.<Message>empty();
        });
    }

    /** Removes the topic's retained message; whether there was one. */
    public boolean deleteRetained(String topic) {
        return firstAnswer("retained deletion", stub -> stub.deleteRetained(RetainedRequest.newBuilder().setTopic(topic)
                .build()).getDeleted());
    }

    /** A page of sessions in client id order (every router holds them all; the first that answers lists). */
    public ListClientsReply listClients(ListClientsRequest request) {
        return firstAnswer("client listing", stub -> stub.listClients(request));
    }

    /**
     * Makes a ban; the router that stores it and every router that follows disconnect the clients it covers.
     *
     * @throws RouterRefusedException for a malformed ban, an existing one (without {@code replace}), a full list
     */
    public AddBanReply addBan(BanEntry ban, boolean replace) {
        return firstAnswer("ban", stub -> stub.addBan(AddBanRequest.newBuilder().setBan(ban).setReplace(replace).build()));
    }

    /** Lifts a ban; whether there was one. */
    public boolean deleteBan(String kind, String who) {
        return firstAnswer("ban lifting", stub -> stub.deleteBan(DeleteBanRequest.newBuilder().setKind(kind).setWho(who)
                .build()).getDeleted());
    }

    /** A page of the bans in force, oldest first, and how many there are. */
    public ListBansReply listBans(long skip, int limit) {
        return firstAnswer("ban listing", stub -> stub.listBans(ListBansRequest.newBuilder().setSkip(skip).setLimit(limit)
                .build()));
    }

    /** A page of every session's subscriptions, in client id then filter order. */
    public ListSubscriptionsReply listSubscriptions(ListSubscriptionsRequest request) {
        return firstAnswer("subscription listing", stub -> stub.listSubscriptions(request));
    }

    /** A page of the topic filters that have subscriptions. */
    public ListTopicsReply listTopics(ListTopicsRequest request) {
        return firstAnswer("topic listing", stub -> stub.listTopics(request));
    }

    /**
     * Subscribes a session as its own SUBSCRIBE would; one SUBACK reason code per request.
     *
     * @throws RouterRefusedException (NOT_FOUND) when no session has the client id
     */
    public List<Integer> subscribe(String clientId, List<SubscriptionRequest> subscriptions) {
        return firstAnswer("subscribe", stub -> stub.subscribeClient(SubscribeClientRequest.newBuilder()
                .setClientId(clientId).addAllSubscriptions(subscriptions).build()).getReasonCodesList());
    }

    /**
     * Unsubscribes a session as its own UNSUBSCRIBE would; one UNSUBACK reason code per filter.
     *
     * @throws RouterRefusedException (NOT_FOUND) when no session has the client id
     */
    public List<Integer> unsubscribe(String clientId, List<String> filters) {
        return firstAnswer("unsubscribe", stub -> stub.unsubscribeClient(UnsubscribeClientRequest.newBuilder()
                .setClientId(clientId).addAllFilters(filters).build()).getReasonCodesList());
    }

    /**
     * A page of a session's queue or inflight window.
     *
     * @throws RouterRefusedException (NOT_FOUND) when no session has the client id
     */
    public List<ClientMessage> clientMessages(String clientId, boolean inflight, long offset, int limit) {
        return firstAnswer("client messages", stub -> stub.listClientMessages(ListClientMessagesRequest.newBuilder()
                .setClientId(clientId).setInflight(inflight).setOffset(offset).setLimit(limit).build()).getMessagesList());
    }

    /** Asks every gateway for a rebalance round now, through the first router that answers; the gateways asked. */
    public List<String> rebalance() {
        return firstAnswer("rebalance", stub -> stub.rebalance(RebalanceRequest.getDefaultInstance()).getGatewayIdsList());
    }

    /** A page of the delayed messages in the order they fall due, and how many there are. */
    public ListDelayedReply listDelayed(long offset, int limit) {
        return firstAnswer("delayed listing", stub -> stub.listDelayed(ListDelayedRequest.newBuilder().setOffset(offset)
                .setLimit(limit).build()));
    }

    /** One delayed message, if the store still keeps it. */
    public Optional<DelayedEntry> delayed(String id) {
        return firstAnswer("delayed message", stub -> {
            var reply = stub.getDelayed(DelayedRequest.newBuilder().setId(id).build());
            return reply.hasEntry() ? Optional.of(reply.getEntry()) : Optional.<DelayedEntry>empty();
        });
    }

    /** Removes a delayed message before it is published; whether there was one. */
    public boolean deleteDelayed(String id) {
        return firstAnswer("delayed deletion", stub -> stub.deleteDelayed(DelayedRequest.newBuilder().setId(id).build())
                .getDeleted());
    }

    /**
     * Asks the routers in turn; the first that answers decides. A refusal is an answer: it goes back to the
     * caller as a {@link RouterRefusedException}.
     */
    private <T> T firstAnswer(String what, Function<RouterAdminGrpc.RouterAdminBlockingStub, T> call) {
        StatusRuntimeException last = null;
        for (Map.Entry<String, ManagedChannel> router : channels.entrySet()) {
            try {
                return call.apply(stub(router.getValue()));
            } catch (StatusRuntimeException e) {
                if (RouterRefusedException.isRefusal(e.getStatus().getCode())) {
                    throw new RouterRefusedException(e);
                }
                LOG.debugf("router %s did not answer a %s: %s", router.getKey(), what, e.getStatus());
                last = e;
            }
        }
        throw new RoutersUnavailableException(channels.keySet(), last);
    }

    private RouterAdminGrpc.RouterAdminBlockingStub stub(ManagedChannel channel) {
        return RouterAdminGrpc.newBlockingStub(channel).withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
    }
}
