package io.starlingmq.router.component;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.admin.v1.ListSubscriptionsReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsRequest;
import io.starlingmq.contract.admin.v1.ListTopicsReply;
import io.starlingmq.contract.admin.v1.ListTopicsRequest;
import io.starlingmq.contract.admin.v1.ListedSubscription;
import io.starlingmq.contract.admin.v1.PublishRequest;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.contract.admin.v1.SubscribeClientRequest;
import io.starlingmq.contract.admin.v1.UnsubscribeClientRequest;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.testsupport.TestGateway;
import com.google.protobuf.ByteString;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subscriptions through the admin service: listed in order, by topic filter, and made or removed for a session. */
@QuarkusTest
class SubscriptionAdminTest extends RouterLinkTestBase {

    private ManagedChannel channel;
    private RouterAdminGrpc.RouterAdminBlockingStub admin;

    @BeforeEach
    void connectAdmin() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        admin = RouterAdminGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void closeAdmin() {
        channel.shutdownNow();
    }

    @Test
    void subscriptionsAreListedInClientThenFilterOrderAndPageByPage() {
        TestGateway gateway = gateway("gw");
        openSession(gateway, 1, id("b"), true, CLEAN);
        openSession(gateway, 2, id("a"), true, CLEAN);
        subscribeTo(gateway, 1, id("b"), 1, id("t") + "/2", 1);
        subscribeTo(gateway, 2, id("a"), 1, id("t") + "/9", 0);
        subscribeTo(gateway, 2, id("a"), 2, id("t") + "/1", 2);
        ListSubscriptionsRequest.Builder mine = ListSubscriptionsRequest.newBuilder().setMatchTopic(id("t") + "/#")
                .setLimit(2);

        ListSubscriptionsReply first = admin.listSubscriptions(mine.clone().build());
        ListSubscriptionsReply second = admin.listSubscriptions(mine.clone().setSkip(2).build());

        assertThat(pairs(first)).containsExactly(id("a") + " " + id("t") + "/1", id("a") + " " + id("t") + "/9");
        assertThat(first.getHasNext()).isTrue();
        assertThat(pairs(second)).containsExactly(id("b") + " " + id("t") + "/2");
        assertThat(second.getHasNext()).isFalse();
        assertThat(admin.listSubscriptions(ListSubscriptionsRequest.newBuilder().setClientId(id("a")).setQos(2).build())
                .getSubscriptionsList()).singleElement()
                .satisfies(s -> assertThat(s.getSubscription().getFilter()).isEqualTo(id("t") + "/1"));
    }

    @Test
    void topicsCountTheSessionsSubscribedToEachFilterSharedOnesByTheirFilter() {
        TestGateway gateway = gateway("gw");
        openSession(gateway, 1, id("x"), true, CLEAN);
        openSession(gateway, 2, id("y"), true, CLEAN);
        String filter = id("route") + "/+";
        subscribeTo(gateway, 1, id("x"), 1, filter, 1);
        subscribeTo(gateway, 2, id("y"), 1, "$share/g/" + filter, 1);

        ListTopicsReply topics = admin.listTopics(ListTopicsRequest.newBuilder().setTopic(filter).build());

        assertThat(topics.getTopicsList()).singleElement().satisfies(route -> {
            assertThat(route.getTopic()).isEqualTo(filter);
            assertThat(route.getSessions()).isEqualTo(2);
        });
    }

    @Test
    void anOperatorsSubscribeActsAsTheSessionsOwnAndSendsRetainedMessages() {
        TestGateway gateway = gateway("gw");
        String client = id("device");
        openSession(gateway, 1, client, true, CLEAN);
        String topic = id("cmd") + "/reboot";
        admin.publish(PublishRequest.newBuilder().setMessage(Message.newBuilder().setTopic(topic).setQos(1)
                .setRetain(true).setPayload(ByteString.copyFromUtf8("now"))).build());

        List<Integer> reasons = admin.subscribeClient(SubscribeClientRequest.newBuilder().setClientId(client)
                .addSubscriptions(TestGateway.request(id("cmd") + "/#", 1)).build()).getReasonCodesList();

        assertThat(reasons).containsExactly(1);
        RouterEvent retained = gateway.take(TestGateway.deliverOn(1, topic));
        assertThat(retained.getDeliver().getMessage().getPayload().toStringUtf8()).isEqualTo("now");
        assertThat(index.filtersOf(client)).containsExactly(id("cmd") + "/#");

        assertThat(admin.unsubscribeClient(UnsubscribeClientRequest.newBuilder().setClientId(client)
                .addFilters(id("cmd") + "/#").addFilters("never/subscribed").build()).getReasonCodesList())
                .containsExactly(0x00, 0x11);
        assertThat(index.filtersOf(client)).isEmpty();
        admin.publish(PublishRequest.newBuilder().setMessage(Message.newBuilder().setTopic(topic).setRetain(true)).build());
    }

    @Test
    void anOperatorsSubscribeForNoSessionIsNotFound() {
        assertThatThrownBy(() -> admin.subscribeClient(SubscribeClientRequest.newBuilder().setClientId(id("nobody"))
                .addSubscriptions(TestGateway.request("a", 0)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private static List<String> pairs(ListSubscriptionsReply reply) {
        return reply.getSubscriptionsList().stream()
                .map((ListedSubscription s) -> s.getClientId() + " " + s.getSubscription().getFilter()).toList();
    }
}
