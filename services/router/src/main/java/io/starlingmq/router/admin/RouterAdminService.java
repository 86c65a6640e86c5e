package io.starlingmq.router.admin;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.starlingmq.contract.admin.v1.AddBanReply;
import io.starlingmq.contract.admin.v1.AddBanRequest;
import io.starlingmq.contract.admin.v1.ClientMessage;
import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.DeleteBanReply;
import io.starlingmq.contract.admin.v1.DeleteBanRequest;
import io.starlingmq.contract.admin.v1.DelayedRequest;
import io.starlingmq.contract.admin.v1.DeleteDelayedReply;
import io.starlingmq.contract.admin.v1.DeleteRetainedReply;
import io.starlingmq.contract.admin.v1.GetClientReply;
import io.starlingmq.contract.admin.v1.GetClientRequest;
import io.starlingmq.contract.admin.v1.GetDelayedReply;
import io.starlingmq.contract.admin.v1.GetRetainedReply;
import io.starlingmq.contract.admin.v1.KickClientReply;
import io.starlingmq.contract.admin.v1.KickClientRequest;
import io.starlingmq.contract.admin.v1.LinkedGateway;
import io.starlingmq.contract.admin.v1.ListBansReply;
import io.starlingmq.contract.admin.v1.ListClientMessagesReply;
import io.starlingmq.contract.admin.v1.ListClientMessagesRequest;
import io.starlingmq.contract.admin.v1.ListDelayedReply;
import io.starlingmq.contract.admin.v1.ListDelayedRequest;
import io.starlingmq.contract.admin.v1.ListBansRequest;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.contract.admin.v1.ListGatewaysRequest;
import io.starlingmq.contract.admin.v1.ListRetainedReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsRequest;
import io.starlingmq.contract.admin.v1.ListTopicsReply;
import io.starlingmq.contract.admin.v1.ListTopicsRequest;
import io.starlingmq.contract.admin.v1.ListRetainedRequest;
import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.contract.admin.v1.MetricsRequest;
import io.starlingmq.contract.admin.v1.RetainedRequest;
import io.starlingmq.contract.admin.v1.PublishReply;
import io.starlingmq.contract.admin.v1.PublishRequest;
import io.starlingmq.contract.admin.v1.RebalanceReply;
import io.starlingmq.contract.admin.v1.RebalanceRequest;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.contract.admin.v1.StatsReply;
import io.starlingmq.contract.admin.v1.StatsRequest;
import io.starlingmq.contract.admin.v1.SubscribeClientReply;
import io.starlingmq.contract.admin.v1.SubscribeClientRequest;
import io.starlingmq.contract.admin.v1.UnsubscribeClientReply;
import io.starlingmq.contract.admin.v1.UnsubscribeClientRequest;
import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.contract.reason.UnsubackReason;
import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.router.session.PublishRouter;
import io.starlingmq.router.session.SubscriptionService;
import io.smallrye.mutiny.Uni;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.Subscription;
import io.grpc.StatusRuntimeException;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The gRPC RouterAdmin service, what ops asks of a router: the gateways linked to it, ending a client's
 * connection (its gateway sends DISCONNECT 0x98), publishing, the counts and counters, the retained
 * messages, the sessions' listing and the banned list. It reads the router's own view (the links,
 * the session directory the change feed keeps, its indexes) and changes nothing behind the session lifecycle:
 * a kicked client's gateway closes the connection and reports it as any other; a publish is routed as the
 * broker's own messages are.
 */
@GrpcService
public class RouterAdminService extends RouterAdminGrpc.RouterAdminImplBase {

    private static final Logger LOG = Logger.getLogger(RouterAdminService.class);
    private static final String VERSION = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class).orElse("");
    private static final long STARTED_AT_MS = ManagementFactory.getRuntimeMXBean().getStartTime();

    @Inject
    GatewayRegistry gateways;
    @Inject
    SessionDirectory directory;
    @Inject
    PublishRouter publishes;
    @Inject
    SubscriptionIndex subscriptions;
    @Inject
    RetainedIndex retained;
    @Inject
    SessionStore store;
    @Inject
    MeterRegistry meters;
    @Inject
    BannedClients banned;
    @Inject
    SubscriptionService subscribing;
    @Inject
    RouterConfig config;

    @Inject
    DelayedMessages delayedMessages;

    private BanAdmin bans;
    private DelayedAdmin delayed;

    @PostConstruct
    void init() {
        bans = new BanAdmin(store, banned, config.banned().maxEntries());
        delayed = new DelayedAdmin(delayedMessages);
    }

    @Override
    public void listGateways(ListGatewaysRequest request, StreamObserver<ListGatewaysReply> answer) {
        long now = System.nanoTime();
        ListGatewaysReply.Builder reply = ListGatewaysReply.newBuilder().setRouterVersion(VERSION)
                .setRouterStartedAtMs(STARTED_AT_MS);
        for (GatewayLink link : gateways.all()) {
            GatewayLoad load = link.load();
            Heartbeat heartbeat = link.lastHeartbeat();
            LinkedGateway.Builder gateway = LinkedGateway.newBuilder().setGatewayId(link.gatewayId())
                    .setConnections(load == null ? 0 : load.getConnections())
                    .setDraining(load != null && load.getDraining())
                    .setLastHeardMillis(link.silentNanos(now) / 1_000_000);
            if (heartbeat != null) {
                gateway.setVersion(heartbeat.getVersion()).setStartedAtMs(heartbeat.getStartedAtMs())
                        .setMessagesPerSecond(heartbeat.getMessagesPerSecond());
            }
            reply.addGateways(gateway);
        }
        answer.onNext(reply.build());
        answer.onCompleted();
    }

    @Override
    public void kickClient(KickClientRequest request, StreamObserver<KickClientReply> answer) {
        if (request.getClientId().isEmpty()) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("client_id is empty").asRuntimeException());
            return;
        }
        SessionDirectory.Entry entry = directory.get(request.getClientId());
        boolean kicked = entry != null && entry.online() && gateways.sendTo(entry.holder().gatewayId(),
                List.of(RouterEvents.kick(entry.holder().connectionId(), DisconnectReason.ADMINISTRATIVE_ACTION)));
        if (kicked) {
            LOG.infof("client %s kicked (gateway %s, connection %d)", request.getClientId(), entry.holder().gatewayId(),
                    entry.holder().connectionId());
        }
        answer.onNext(KickClientReply.newBuilder().setKicked(kicked).build());
        answer.onCompleted();
    }

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishReply> answer) {
        if (request.getMessage().getTopic().isEmpty()) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("the message has no topic").asRuntimeException());
            return;
        }
        boolean matched = publishes.hasSubscribers(request.getMessage().getTopic());
        publishes.routeInternal(request.getMessage()).subscribe().with(
                routed -> {
                    answer.onNext(PublishReply.newBuilder().setMatched(matched).build());
                    answer.onCompleted();
                },
                failure -> {
                    LOG.warnf("an admin publish to %s failed: %s", request.getMessage().getTopic(), failure.getMessage());
                    answer.onError(Status.UNAVAILABLE.withDescription("not routed: " + failure.getMessage())
                            .asRuntimeException());
                });
    }

    @Override
    public void stats(StatsRequest request, StreamObserver<StatsReply> answer) {
        answer.onNext(StatsReply.newBuilder().setConnections(directory.onlineCount()).setSessions(directory.size())
                .setSubscriptions(subscriptions.size()).setRetained(retained.size()).setGateways(gateways.size()).build());
        answer.onCompleted();
    }

    @Override
    public void listRetained(ListRetainedRequest request, StreamObserver<ListRetainedReply> answer) {
        answer.onNext(ListRetainedReply.newBuilder().setTotal(retained.size())
                .addAllMessages(retained.page(request.getOffset(), request.getLimit())).build());
        answer.onCompleted();
    }

    @Override
    public void getRetained(RetainedRequest request, StreamObserver<GetRetainedReply> answer) {
        GetRetainedReply.Builder reply = GetRetainedReply.newBuilder();
        retained.get(request.getTopic()).ifPresent(reply::setMessage);
        answer.onNext(reply.build());
        answer.onCompleted();
    }

    /** As a retained PUBLISH with an empty payload clears its topic in the store, without delivering anything. */
    @Override
    public void deleteRetained(RetainedRequest request, StreamObserver<DeleteRetainedReply> answer) {
        if (retained.get(request.getTopic()).isEmpty()) {
            answer.onNext(DeleteRetainedReply.newBuilder().setDeleted(false).build());
            answer.onCompleted();
            return;
        }
        Message clearing = Message.newBuilder().setTopic(request.getTopic()).setRetain(true).build();
        store.retain(MessageMapping.toStored(clearing, System.currentTimeMillis())).subscribe().with(
                cleared -> {
                    retained.clear(request.getTopic());
                    answer.onNext(DeleteRetainedReply.newBuilder().setDeleted(true).build());
                    answer.onCompleted();
                },
                failure -> answer.onError(Status.UNAVAILABLE.withDescription("not deleted: " + failure.getMessage())
                        .asRuntimeException()));
    }

    @Override
    public void getClient(GetClientRequest request, StreamObserver<GetClientReply> answer) {
        SessionDirectory.Entry entry = directory.get(request.getClientId());
        GetClientReply.Builder reply = GetClientReply.newBuilder().setFound(entry != null);
        if (entry != null) {
            reply.setConnected(entry.online()).setPersistent(entry.persistent())
                    .setFacts(ClientListing.facts(entry.info()));
            if (entry.online()) {
                reply.setGatewayId(entry.holder().gatewayId());
            }
            for (Subscription s : subscriptions.subscriptionsOf(request.getClientId())) {
                reply.addSubscriptions(ClientSubscription.newBuilder().setFilter(s.filter()).setQos(s.qos())
                        .setNoLocal(s.noLocal()).setRetainAsPublished(s.retainAsPublished())
                        .setRetainHandling(s.retainHandling()));
            }
        }
        answer.onNext(reply.build());
        answer.onCompleted();
    }

    @Override
    public void metrics(MetricsRequest request, StreamObserver<MetricsReply> answer) {
        answer.onNext(MetricsReply.newBuilder().setMessagesReceived(count("starling.router.messages.routed"))
                .setMessagesSent(count("starling.router.messages.delivered"))
                .setMessagesDropped(count("starling.router.messages.dropped")).build());
        answer.onCompleted();
    }

    @Override
    public void listClients(ListClientsRequest request, StreamObserver<ListClientsReply> answer) {
        answer.onNext(ClientListing.page(request, directory, subscriptions));
        answer.onCompleted();
    }

    @Override
    public void addBan(AddBanRequest request, StreamObserver<AddBanReply> answer) {
        try {
            bans.add(request.getBan(), request.getReplace()).subscribe().with(
                    added -> {
                        answer.onNext(added);
                        answer.onCompleted();
                    },
                    failure -> answer.onError(failure instanceof StatusRuntimeException ? failure
                            : Status.UNAVAILABLE.withDescription("not stored: " + failure.getMessage()).asRuntimeException()));
        } catch (StatusRuntimeException e) {
            answer.onError(e);
        }
    }

    @Override
    public void deleteBan(DeleteBanRequest request, StreamObserver<DeleteBanReply> answer) {
        try {
            bans.delete(request.getKind(), request.getWho()).subscribe().with(
                    deleted -> {
                        answer.onNext(DeleteBanReply.newBuilder().setDeleted(deleted).build());
                        answer.onCompleted();
                    },
                    failure -> answer.onError(Status.UNAVAILABLE.withDescription("not deleted: " + failure.getMessage())
                            .asRuntimeException()));
        } catch (StatusRuntimeException e) {
            answer.onError(e);
        }
    }

    @Override
    public void listBans(ListBansRequest request, StreamObserver<ListBansReply> answer) {
        answer.onNext(bans.list(request));
        answer.onCompleted();
    }

    @Override
    public void listSubscriptions(ListSubscriptionsRequest request, StreamObserver<ListSubscriptionsReply> answer) {
        answer.onNext(SubscriptionListing.subscriptions(request, subscriptions));
        answer.onCompleted();
    }

    @Override
    public void listTopics(ListTopicsRequest request, StreamObserver<ListTopicsReply> answer) {
        answer.onNext(SubscriptionListing.topics(request, subscriptions));
        answer.onCompleted();
    }

    @Override
    public void subscribeClient(SubscribeClientRequest request, StreamObserver<SubscribeClientReply> answer) {
        if (directory.get(request.getClientId()) == null) {
            answer.onError(Status.NOT_FOUND.withDescription("no session has the client id " + request.getClientId())
                    .asRuntimeException());
            return;
        }
        subscribing.subscribe(request.getClientId(), request.getSubscriptionsList(), reasons -> {
            answer.onNext(SubscribeClientReply.newBuilder()
                    .addAllReasonCodes(reasons.stream().map(SubackReason::code).toList()).build());
            answer.onCompleted();
        }).subscribe().with(done -> { }, failure -> LOG.warnf("subscribing %s for ops: %s", request.getClientId(),
                failure.getMessage()));
    }

    @Override
    public void unsubscribeClient(UnsubscribeClientRequest request, StreamObserver<UnsubscribeClientReply> answer) {
        if (directory.get(request.getClientId()) == null) {
            answer.onError(Status.NOT_FOUND.withDescription("no session has the client id " + request.getClientId())
                    .asRuntimeException());
            return;
        }
        subscribing.unsubscribe(request.getClientId(), request.getFiltersList()).subscribe().with(
                reasons -> {
                    answer.onNext(UnsubscribeClientReply.newBuilder()
                            .addAllReasonCodes(reasons.stream().map(UnsubackReason::code).toList()).build());
                    answer.onCompleted();
                },
                failure -> answer.onError(Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException()));
    }

    @Override
    public void listClientMessages(ListClientMessagesRequest request, StreamObserver<ListClientMessagesReply> answer) {
        if (directory.get(request.getClientId()) == null) {
            answer.onError(Status.NOT_FOUND.withDescription("no session has the client id " + request.getClientId())
                    .asRuntimeException());
            return;
        }
        int limit = request.getLimit() == 0 ? 100 : Math.min(request.getLimit(), ClientListing.MAX_LIMIT);
        Uni<ListClientMessagesReply> page = request.getInflight()
                ? store.inflight(request.getClientId(), request.getOffset(), limit).map(entries -> {
                    ListClientMessagesReply.Builder reply = ListClientMessagesReply.newBuilder();
                    entries.forEach(e -> reply.addMessages(ClientMessage.newBuilder()
                            .setMessage(MessageMapping.toMessage(e.message())).setPacketId(e.packetId())
                            .setReleased(e.released()).setReceivedAt(e.message().receivedAtMillis())));
                    return reply.build();
                })
                : store.queued(request.getClientId(), request.getOffset(), limit).map(messages -> {
                    ListClientMessagesReply.Builder reply = ListClientMessagesReply.newBuilder();
                    messages.forEach(m -> reply.addMessages(ClientMessage.newBuilder()
                            .setMessage(MessageMapping.toMessage(m)).setReceivedAt(m.receivedAtMillis())));
                    return reply.build();
                });
        answerWith(page, answer);
    }

    @Override
    public void rebalance(RebalanceRequest request, StreamObserver<RebalanceReply> answer) {
        RebalanceReply.Builder reply = RebalanceReply.newBuilder();
        for (GatewayLink link : gateways.all()) {
            link.sender().send(RouterEvents.rebalanceNow());
            reply.addGatewayIds(link.gatewayId());
        }
        LOG.infof("rebalance asked of %d gateways", reply.getGatewayIdsCount());
        answer.onNext(reply.build());
        answer.onCompleted();
    }

    @Override
    public void listDelayed(ListDelayedRequest request, StreamObserver<ListDelayedReply> answer) {
        answerWith(delayed.list(request), answer);
    }

    @Override
    public void getDelayed(DelayedRequest request, StreamObserver<GetDelayedReply> answer) {
        answerWith(delayed.get(request.getId()), answer);
    }

    @Override
    public void deleteDelayed(DelayedRequest request, StreamObserver<DeleteDelayedReply> answer) {
        answerWith(delayed.delete(request.getId()).map(deleted -> DeleteDelayedReply.newBuilder().setDeleted(deleted)
                .build()), answer);
    }

    /** One answer from a store call; a failure of the store is UNAVAILABLE (another router may do better). */
    private static <T> void answerWith(Uni<T> call, StreamObserver<T> answer) {
        call.subscribe().with(reply -> {
            answer.onNext(reply);
            answer.onCompleted();
        }, failure -> answer.onError(Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException()));
    }

    private long count(String meter) {
        Counter counter = meters.find(meter).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
