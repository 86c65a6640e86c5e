package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.ClientCallStreamObserver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.Hello;
import io.starlingmq.contract.link.v1.SessionClose;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBatcherTest {

    /** A request stream whose readiness the test controls; the direct executor keeps it synchronous. */
    private static final class RecordingStream extends ClientCallStreamObserver<GatewayFrame> {
        final List<GatewayFrame> frames = new ArrayList<>();
        boolean ready = true;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void onNext(GatewayFrame frame) {
            frames.add(frame);
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }
    }

    private static final GatewayEvent HELLO = GatewayEvent.newBuilder().setHello(Hello.newBuilder().setGatewayId("g"))
            .build();

    private static GatewayEvent close(long id) {
        return GatewayEvent.newBuilder().setSessionClose(SessionClose.newBuilder().setConnectionId(id)).build();
    }

    @Test
    void helloGoesFirstAndQueuedEventsFollowInBatchesOfAtMostBatchSize() {
        FrameBatcher batcher = new FrameBatcher(100, 2, Runnable::run);
        for (int i = 1; i <= 5; i++) {
            batcher.offer(close(i));
        }
        RecordingStream stream = new RecordingStream();
        batcher.attach(stream, HELLO);
        assertThat(stream.frames.get(0).getEventsList()).containsExactly(HELLO);
        assertThat(stream.frames.subList(1, stream.frames.size())).extracting(GatewayFrame::getEventsCount)
                .containsExactly(2, 2, 1);
    }

    @Test
    void holdsEventsWhileTheStreamIsNotReady() {
        FrameBatcher batcher = new FrameBatcher(100, 10, Runnable::run);
        RecordingStream stream = new RecordingStream();
        batcher.attach(stream, HELLO);
        stream.ready = false;
        batcher.offer(close(1));
        assertThat(stream.frames).hasSize(1);
        stream.ready = true;
        batcher.scheduleDrain();
        assertThat(stream.frames).hasSize(2);
    }

    @Test
    void refusesEventsPastItsBound() {
        FrameBatcher batcher = new FrameBatcher(2, 10, Runnable::run);
        assertThat(batcher.offer(close(1))).isTrue();
        assertThat(batcher.offer(close(2))).isTrue();
        assertThat(batcher.offer(close(3))).isFalse();
    }

    @Test
    void isCongestedFromHalfItsCapacityAndWakesItsWaitersOnceDrainedToAQuarter() {
        FrameBatcher batcher = new FrameBatcher(8, 10, Runnable::run);
        RecordingStream stream = new RecordingStream();
        batcher.attach(stream, HELLO);
        stream.ready = false;
        for (int i = 1; i <= 3; i++) {
            batcher.offer(close(i));
        }
        assertThat(batcher.congested()).as("3 of 8").isFalse();
        batcher.offer(close(4));
        assertThat(batcher.congested()).as("4 of 8").isTrue();

        List<String> woken = new ArrayList<>();
        batcher.whenDrained(() -> woken.add("first"));
        batcher.whenDrained(() -> woken.add("second"));
        assertThat(woken).isEmpty();

        stream.ready = true;
        batcher.scheduleDrain();
        assertThat(batcher.congested()).isFalse();
        assertThat(woken).as("in the order they waited").containsExactly("first", "second");
    }

    @Test
    void aWaiterArrivingWhenTheQueueIsAlreadyDrainedRunsAtOnce() {
        FrameBatcher batcher = new FrameBatcher(8, 10, Runnable::run);
        List<String> woken = new ArrayList<>();

        batcher.whenDrained(() -> woken.add("late"));

        assertThat(woken).containsExactly("late");
    }
}
