package io.starlingmq.router.component;

import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.ack;
import static io.starlingmq.router.testsupport.TestGateway.anyDeliverTo;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the router batches a busy stream: frames that arrived together are handled as one batch, and the
 * acknowledgements of a batch are freed together ahead of its publishes. Neither may change what a
 * subscriber receives or in which order. Run against each session store by the subclasses.
 */
abstract class BatchedFramesContract extends RouterLinkTestBase {

    /** The Receive Maximum {@link TestGateway#open} announces. */
    private static final int WINDOW = 10;

    @Test
    void acksInterleavedWithPublishesFreeTheWindowAndKeepTheQueueInOrder() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("durable");
        String publisher = id("pub");
        String topic = id("t");
        List<Deliver> window = fullWindow(gateway, subscriber, publisher, topic, 2);
        assertThat(payloads(window)).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");

        gateway.send(ack(1, subscriber, window.get(0).getPacketId()),
                publish(2, publisher, WINDOW + 3, topic, "m13", 1, false),
                ack(1, subscriber, window.get(1).getPacketId()),
                publish(2, publisher, WINDOW + 4, topic, "m14", 1, false));

        assertThat(gateway.take(publishDone(2, WINDOW + 4)).getPublishDone().getReasonCode()).isZero();
        assertThat(payloads(takeDeliveries(gateway, 1, 2))).as("released by the two acks, oldest first")
                .containsExactly("m11", "m12");
        List<GatewayEvent> rest = window.subList(2, WINDOW).stream()
                .map(d -> ack(1, subscriber, d.getPacketId())).toList();
        gateway.send(rest.toArray(GatewayEvent[]::new));
        assertThat(payloads(takeDeliveries(gateway, 1, 2))).containsExactly("m13", "m14");
    }

    @Test
    void whatAFramesAcksReleaseIsSentBeforeItsPublishesThatTakeTheOtherFreedSlots() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("durable");
        String publisher = id("pub");
        String topic = id("t");
        List<Deliver> window = fullWindow(gateway, subscriber, publisher, topic, 1);

        // Two slots freed: the first goes to m11, queued before; the second to m12, published in this frame.
        gateway.send(ack(1, subscriber, window.get(0).getPacketId()), ack(1, subscriber, window.get(1).getPacketId()),
                publish(2, publisher, WINDOW + 2, topic, "m12", 1, false),
                publish(2, publisher, WINDOW + 3, topic, "m13", 1, false));

        assertThat(gateway.take(publishDone(2, WINDOW + 3)).getPublishDone().getReasonCode()).isZero();
        assertThat(payloads(takeDeliveries(gateway, 1, 2))).containsExactly("m11", "m12");
        gateway.send(ack(1, subscriber, window.get(2).getPacketId()));
        assertThat(payloads(takeDeliveries(gateway, 1, 1))).containsExactly("m13");
    }

    @Test
    void publishesSentInManyFramesBackToBackArriveInTheOrderSent() {
        TestGateway publisherGateway = gateway("gw-pub");
        TestGateway subscriberGateway = gateway("gw-sub");
        String subscriber = id("sub");
        String publisher = id("pub");
        String topic = id("t");
        openSession(subscriberGateway, 1, subscriber, true, CLEAN);
        subscribeTo(subscriberGateway, 1, subscriber, 1, topic, 1);
        openSession(publisherGateway, 2, publisher, true, CLEAN);
        int count = 200;

        for (int i = 1; i <= count; i++) {
            publisherGateway.send(publish(2, publisher, i, topic, "m" + i, 1, false));
        }

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            expected.add("m" + i);
        }
        List<RouterEvent> delivered = await().atMost(WAIT).until(
                () -> subscriberGateway.untaken().stream().filter(anyDeliverTo(1)).toList(), d -> d.size() >= count);
        assertThat(delivered).extracting(e -> e.getDeliver().getMessage().getPayload().toStringUtf8())
                .containsExactlyElementsOf(expected);
        List<RouterEvent> done = await().atMost(WAIT).until(
                () -> publisherGateway.untaken().stream().filter(RouterEvent::hasPublishDone).toList(),
                d -> d.size() >= count);
        assertThat(done).extracting(e -> e.getPublishDone().getPacketId())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
        assertThat(done).allMatch(e -> e.getPublishDone().getReasonCode() == 0);
    }

    /**
     * A persistent subscriber (connection 1) and a clean publisher (connection 2); the publisher sends
     * m1 … m{WINDOW + queued}. Answers the deliveries that fill the window; the rest wait in the queue.
     */
    private List<Deliver> fullWindow(TestGateway gateway, String subscriber, String publisher, String topic, int queued) {
        openSession(gateway, 1, subscriber, true, PERSISTENT);
        subscribeTo(gateway, 1, subscriber, 1, topic, 1);
        openSession(gateway, 2, publisher, true, CLEAN);
        List<GatewayEvent> backlog = new ArrayList<>();
        for (int i = 1; i <= WINDOW + queued; i++) {
            backlog.add(publish(2, publisher, i, topic, "m" + i, 1, false));
        }
        gateway.send(backlog.toArray(GatewayEvent[]::new));
        return takeDeliveries(gateway, 1, WINDOW);
    }

    private static List<Deliver> takeDeliveries(TestGateway gateway, long connectionId, int count) {
        List<Deliver> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(gateway.take(anyDeliverTo(connectionId)).getDeliver());
        }
        return taken;
    }

    private static List<String> payloads(List<Deliver> deliveries) {
        return deliveries.stream().map(d -> d.getMessage().getPayload().toStringUtf8()).toList();
    }
}
