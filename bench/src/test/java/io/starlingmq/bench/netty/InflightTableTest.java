package io.starlingmq.bench.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InflightTableTest {

    @Test
    void noMoreThanTheLimitIsInFlightAndIdsAreDistinctWithinIt() {
        InflightTable table = new InflightTable(3);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(table.acquire(new CompletableFuture<>()));
        }
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(table.acquire(new CompletableFuture<>())).isZero();
        assertThat(table.inUse()).isEqualTo(3);
    }

    @Test
    void releasingAnIdReturnsItsWaiterOnceAndFreesTheSlot() {
        InflightTable table = new InflightTable(2);
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        int id = table.acquire(waiter);
        assertThat(table.inUse(id)).isTrue();
        assertThat(table.release(id)).isSameAs(waiter);
        assertThat(table.release(id)).isNull();
        assertThat(table.inUse()).isZero();
        assertThat(table.acquire(new CompletableFuture<>())).isPositive();
    }

    @Test
    void aReplyForAnIdNeverUsedIsIgnored() {
        InflightTable table = new InflightTable(4);
        assertThat(table.release(1)).isNull();
        assertThat(table.release(9)).isNull();
        assertThat(table.inUse(0)).isFalse();
    }

    @Test
    void idsCycleThroughTheWholeRangeBeforeReuse() {
        InflightTable table = new InflightTable(3);
        int first = table.acquire(new CompletableFuture<>());
        table.release(first);
        int second = table.acquire(new CompletableFuture<>());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void failAllFailsEveryWaiterAndEmptiesTheTable() {
        InflightTable table = new InflightTable(5);
        CompletableFuture<Void> a = new CompletableFuture<>();
        CompletableFuture<Void> b = new CompletableFuture<>();
        table.acquire(a);
        table.acquire(b);
        table.failAll(new IllegalStateException("closed"));
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(table.inUse()).isZero();
    }
}
