package io.starlingmq.router.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.router.events.RouterEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deliveries to a connection whose session is opening follow its SessionOpened, in the order they came. */
class OpeningSessionsTest {

    private final List<RouterEvent> written = new ArrayList<>();
    private final OpeningSessions opening = new OpeningSessions(new FrameSender(new FrameSink() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void send(RouterFrame frame) {
            written.addAll(frame.getEventsList());
        }

        @Override
        public void fail(Status status) {
        }

        @Override
        public void complete() {
        }
    }, 64, 16, () -> "gateway", () -> { }));

    private static RouterEvent deliver(long connectionId, int packetId) {
        return RouterEvent.newBuilder().setDeliver(Deliver.newBuilder().setConnectionId(connectionId)
                .setPacketId(packetId)).build();
    }

    private static String describe(RouterEvent event) {
        return switch (event.getEventCase()) {
            case SESSION_OPENED -> "opened " + event.getSessionOpened().getConnectionId();
            case DELIVER -> "deliver " + event.getDeliver().getConnectionId() + "/" + event.getDeliver().getPacketId();
            default -> event.getEventCase().name();
        };
    }

    private List<String> written() {
        return written.stream().map(OpeningSessionsTest::describe).toList();
    }

    @Test
    void deliveriesToAnOpeningConnectionFollowItsSessionOpened() {
        opening.opening(7);
        opening.deliver(List.of(deliver(7, 3), deliver(8, 1)));
        opening.deliver(List.of(deliver(7, 4)));

        assertThat(written()).as("a connection already open is not held back").containsExactly("deliver 8/1");

        opening.opened(7, List.of(RouterEvents.sessionOpened(7, true, ConnackReason.SUCCESS), deliver(7, 2)));
        opening.deliver(List.of(deliver(7, 5)));

        assertThat(written()).containsExactly("deliver 8/1", "opened 7", "deliver 7/2", "deliver 7/3", "deliver 7/4",
                "deliver 7/5");
    }

    @Test
    void aRefusedOpeningDropsWhatWaitedAndSendsTheRefusal() {
        opening.opening(9);
        opening.deliver(List.of(deliver(9, 1)));

        opening.failed(9, RouterEvents.sessionOpened(9, false, ConnackReason.UNSPECIFIED_ERROR));
        opening.deliver(List.of(deliver(9, 2)));

        assertThat(written()).containsExactly("opened 9", "deliver 9/2");
    }

    @Test
    void whatWaitsForOneConnectionIsBounded() {
        opening.opening(1);
        List<RouterEvent> many = new ArrayList<>();
        for (int i = 0; i < OpeningSessions.MAX_HELD + 10; i++) {
            many.add(deliver(1, i));
        }
        opening.deliver(many);
        opening.opened(1, List.of(RouterEvents.sessionOpened(1, true, ConnackReason.SUCCESS)));

        assertThat(written).hasSize(1 + OpeningSessions.MAX_HELD);
    }
}
