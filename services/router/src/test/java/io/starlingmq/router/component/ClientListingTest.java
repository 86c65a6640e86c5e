package io.starlingmq.router.component;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.contract.admin.v1.ListedClient;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.router.testsupport.TestGateway;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ListClients through the admin service: the sessions in client id order with their CONNECT's facts, filtered. */
@QuarkusTest
class ClientListingTest extends RouterLinkTestBase {

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
    void listingShowsEachSessionWithItsConnectFacts() {
        TestGateway gateway = gateway("gw");
        gateway.send(TestGateway.openWithClientFacts(1, id("meter"), "meter-user", "10.4.0.9:51000", 45));
        gateway.take(TestGateway.sessionOpened(1));

        ListedClient listed = only(list(ListClientsRequest.newBuilder().setClientIdContains(id("meter"))));

        assertThat(listed.getConnected()).isTrue();
        assertThat(listed.getGatewayId()).isEqualTo(id("gw"));
        assertThat(listed.getFacts().getUsername()).isEqualTo("meter-user");
        assertThat(listed.getFacts().getPeerAddress()).isEqualTo("10.4.0.9:51000");
        assertThat(listed.getFacts().getProtocolVersion()).isEqualTo(5);
        assertThat(listed.getFacts().getKeepAlive()).isEqualTo(45);
        assertThat(listed.getFacts().getConnectedAt()).isPositive();
    }

    @Test
    void cursorPagesWalkTheSessionsInClientIdOrder() {
        TestGateway gateway = gateway("gw");
        for (int i = 5; i >= 1; i--) {
            openSession(gateway, i, id("page-" + i), true, PERSISTENT);
        }
        ListClientsRequest.Builder mine = ListClientsRequest.newBuilder().setClientIdContains(id("")).setLimit(2);

        ListClientsReply first = list(mine.clone());
        ListClientsReply second = list(mine.clone().setAfter(last(first)));
        ListClientsReply third = list(mine.clone().setAfter(last(second)));

        assertThat(ids(first)).containsExactly(id("page-1"), id("page-2"));
        assertThat(ids(second)).containsExactly(id("page-3"), id("page-4"));
        assertThat(ids(third)).containsExactly(id("page-5"));
        assertThat(first.getHasNext()).isTrue();
        assertThat(third.getHasNext()).isFalse();
        assertThat(first.getTotal()).as("a filtered listing does not count").isEqualTo(-1);
    }

    @Test
    void filtersByUsernameAddressStateAndGateway() {
        TestGateway one = gateway("gw-1");
        TestGateway two = gateway("gw-2");
        one.send(TestGateway.openWithClientFacts(1, id("a"), id("user"), "10.5.0.1:1000", 30));
        one.take(TestGateway.sessionOpened(1));
        two.send(TestGateway.openWithClientFacts(2, id("b"), id("user"), "10.5.0.2:1000", 30));
        two.take(TestGateway.sessionOpened(2));
        openSession(two, 3, id("c"), true, PERSISTENT);
        two.send(TestGateway.close(3, id("c"), PERSISTENT));

        assertThat(ids(list(ListClientsRequest.newBuilder().setUsername(id("user")))))
                .containsExactly(id("a"), id("b"));
        assertThat(ids(list(ListClientsRequest.newBuilder().setIpAddress("10.5.0.2")))).containsExactly(id("b"));
        assertThat(ids(list(ListClientsRequest.newBuilder().setClientIdContains(id("")).setGatewayId(id("gw-2")))))
                .containsExactly(id("b"));
        await().atMost(TestGateway.WAIT).untilAsserted(() -> assertThat(ids(list(
                ListClientsRequest.newBuilder().setClientIdContains(id("")).setConnState("disconnected"))))
                .containsExactly(id("c")));
    }

    @Test
    void unfilteredListingCountsEverySession() {
        openSession(gateway("gw"), 1, id("counted"), true, PERSISTENT);

        ListClientsReply reply = list(ListClientsRequest.newBuilder().setLimit(1));

        assertThat(reply.getTotal()).isEqualTo(directory.size());
        assertThat(reply.getClientsCount()).isEqualTo(1);
    }

    private ListClientsReply list(ListClientsRequest.Builder request) {
        return admin.listClients(request.build());
    }

    private static ListedClient only(ListClientsReply reply) {
        assertThat(reply.getClientsList()).hasSize(1);
        return reply.getClients(0);
    }

    private static String last(ListClientsReply reply) {
        return reply.getClients(reply.getClientsCount() - 1).getClientId();
    }

    private static List<String> ids(ListClientsReply reply) {
        return reply.getClientsList().stream().map(ListedClient::getClientId).toList();
    }
}
