package io.starlingmq.router.link;

import io.grpc.Status;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.router.events.RouterEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FrameSenderTest {

    /** A sink whose readiness the test controls; records what was written. */
    private static final class RecordingSink implements FrameSink {
        volatile boolean ready = true;
        final List<RouterFrame> frames = new ArrayList<>();
        final AtomicInteger concurrentWriters = new AtomicInteger();
        volatile boolean overlapped;
        volatile Status failure;
        volatile boolean completed;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void send(RouterFrame frame) {
            if (concurrentWriters.incrementAndGet() > 1) {
                overlapped = true;
            }
            synchronized (frames) {
                frames.add(frame);
            }
            concurrentWriters.decrementAndGet();
        }

        @Override
        public void fail(Status status) {
            failure = status;
        }

        @Override
        public void complete() {
            completed = true;
        }

        List<Long> connectionIds() {
            synchronized (frames) {
                return frames.stream().flatMap(f -> f.getEventsList().stream())
                        .map(e -> e.getPublishDone().getConnectionId()).toList();
            }
        }
    }

    private static RouterEvent event(long n) {
        return RouterEvents.publishDone(n, 1, PubackReason.SUCCESS);
    }

    private static List<RouterEvent> events(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(FrameSenderTest::event).toList();
    }

    @Test
    void aReadyTransportGetsEachSendAtOnce() {
        RecordingSink sink = new RecordingSink();
        FrameSender sender = new FrameSender(sink, 10, 4, () -> "gw", () -> { });

        sender.send(event(1));
        sender.sendAll(events(2, 3));

        assertThat(sink.frames).hasSize(2);
        assertThat(sink.frames.get(1).getEventsCount()).isEqualTo(3);
        assertThat(sender.pendingEvents()).isZero();
    }

    @Test
    void eventsWaitingForTheTransportAreBatchedIntoFullFramesInOrder() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        FrameSender sender = new FrameSender(sink, 4, 10, () -> "gw", () -> { });
        for (int i = 0; i < 10; i++) {
            sender.send(event(i));
        }
        assertThat(sink.frames).isEmpty();
        assertThat(sender.pendingEvents()).isEqualTo(10);

        sink.ready = true;
        sender.drain();

        assertThat(sink.frames).extracting(RouterFrame::getEventsCount).containsExactly(4, 4, 2);
        assertThat(sink.connectionIds()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void exceedingTheBoundFailsTheStreamAndDropsFurtherEvents() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        AtomicInteger overflows = new AtomicInteger();
        FrameSender sender = new FrameSender(sink, 2, 3, () -> "gw", overflows::incrementAndGet);

        sender.sendAll(events(0, 6));
        assertThat(sink.failure).isNull();

        sender.send(event(6));
        sender.send(event(7));

        assertThat(sink.failure.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(overflows).hasValue(1);
        assertThat(sender.isClosed()).isTrue();
        sink.ready = true;
        sender.drain();
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void completeWritesWhatIsPendingFirst() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        FrameSender sender = new FrameSender(sink, 8, 2, () -> "gw", () -> { });
        sender.sendAll(events(0, 3));

        sender.complete();
        assertThat(sink.completed).isFalse();
        sink.ready = true;
        sender.drain();

        assertThat(sink.connectionIds()).containsExactly(0L, 1L, 2L);
        assertThat(sink.completed).isTrue();
    }

    @Test
    void concurrentSendersNeverWriteAtTheSameTimeAndKeepEachCallTogether() throws Exception {
        RecordingSink sink = new RecordingSink();
        FrameSender sender = new FrameSender(sink, 16, 1000, () -> "gw", () -> { });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    long base = (thread * 1000L + i) * 10;
                    sender.sendAll(List.of(event(base), event(base + 1)));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> ids = sink.connectionIds();
        assertThat(sink.overlapped).isFalse();
        assertThat(ids).hasSize(4000);
        for (int i = 0; i < ids.size(); i += 2) {
            assertThat(ids.get(i + 1)).isEqualTo(ids.get(i) + 1);
        }
    }

    /** Records the congestion a sender reports, as "congested" and "relieved" in order. */
    private static final class RecordingPressure implements FrameSender.Pressure {
        final List<String> reports = new ArrayList<>();

        @Override
        public void congested() {
            reports.add("congested");
        }

        @Override
        public void relieved() {
            reports.add("relieved");
        }
    }

    @Test
    void isCongestedFromHalfItsBoundAndRelievedOnceDrainedToAQuarter() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        RecordingPressure pressure = new RecordingPressure();
        // 4 events per frame, 4 frames: a bound of 16 events, congested at 8, relieved at 4.
        FrameSender sender = new FrameSender(sink, 4, 4, () -> "gw", () -> { }, pressure);

        sender.sendAll(events(0, 7));
        assertThat(pressure.reports).isEmpty();
        sender.send(event(7));
        sender.send(event(8));
        assertThat(pressure.reports).as("reported once").containsExactly("congested");

        sink.ready = true;
        sender.drain();
        assertThat(pressure.reports).containsExactly("congested", "relieved");
        assertThat(sink.failure).isNull();
    }

    @Test
    void aCongestedStreamThatFailsIsRelievedSoItHoldsNobodyBack() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        RecordingPressure pressure = new RecordingPressure();
        FrameSender sender = new FrameSender(sink, 4, 4, () -> "gw", () -> { }, pressure);
        sender.sendAll(events(0, 10));

        sender.fail(Status.UNAVAILABLE);

        assertThat(pressure.reports).containsExactly("congested", "relieved");
    }

    @Test
    void stalledTimeCountsOnlyWhileEventsWait() {
        RecordingSink sink = new RecordingSink();
        FrameSender sender = new FrameSender(sink, 4, 4, () -> "gw", () -> { });
        long later = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        assertThat(sender.stalledNanos(later)).as("nothing waits").isZero();

        sink.ready = false;
        sender.send(event(1));
        assertThat(sender.stalledNanos(later)).isGreaterThan(TimeUnit.SECONDS.toNanos(9));

        sink.ready = true;
        sender.drain();
        assertThat(sender.stalledNanos(later)).isZero();
    }
}
