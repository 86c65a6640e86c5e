package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Connects, subscribes and disconnects many clients at once, with a bound on attempts in flight. */
public final class ClientGroup {

    private static final long OPERATION_TIMEOUT_SECONDS = 60;

    private final List<BenchClient> clients;
    private final int maxInFlight;

    /** @param maxInFlight connects (or other operations) started but not yet answered, at most */
    public ClientGroup(List<BenchClient> clients, int maxInFlight) {
        this.clients = List.copyOf(clients);
        this.maxInFlight = maxInFlight;
    }

    public List<BenchClient> clients() {
        return clients;
    }

    public void connect(boolean persistent) {
        each(c -> c.connect(persistent));
    }

    public void subscribe(List<String> filters, int qos) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            futures.add(clients.get(i).subscribe(filters.get(i), qos));
        }
        await(futures);
    }

    /** Disconnects every client; failures (a client already gone) are ignored, the broker side is what matters. */
    public void disconnect() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (BenchClient c : clients) {
            futures.add(c.disconnect().exceptionally(e -> null));
        }
        await(futures);
    }

    private void each(Function<BenchClient, CompletableFuture<Void>> operation) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<Void>> futures = new ArrayList<>(clients.size());
        for (BenchClient c : clients) {
            acquire(permits);
            futures.add(operation.apply(c).whenComplete((ok, e) -> permits.release()));
        }
        await(futures);
    }

    private static void acquire(Semaphore permits) {
        try {
            if (!permits.tryAcquire(OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no client operation completed within " + OPERATION_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void await(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("client operation failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("client operations did not complete within " + OPERATION_TIMEOUT_SECONDS + " s", e);
        }
    }
}
