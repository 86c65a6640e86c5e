package io.starlingmq.bench.listing;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the sessions a listing walks: real MQTT 5 clients that connect with Clean Start 0 and a day's session
 * expiry, so each leaves a persistent session in the store; the last ones stay connected. Client ids
 * {@code device-000000}..., usernames {@code fleet-00}... in turn.
 */
final class SessionFiller implements AutoCloseable {

    static final int USERNAMES = 50;
    private static final int IN_FLIGHT = 64;
    private static final long EXPIRY_SECONDS = 86_400;

    private final int port;
    private final List<Mqtt5AsyncClient> stayingConnected = new ArrayList<>();

    SessionFiller(int port) {
        this.port = port;
    }

    static String clientId(int i) {
        return String.format(Locale.ROOT, "device-%06d", i);
    }

    static String username(int i) {
        return String.format(Locale.ROOT, "fleet-%02d", i % USERNAMES);
    }

    /**
     * Makes {@code sessions} sessions, of which the last {@code connected} stay connected.
     *
     * @return the seconds it took
     */
    double fill(int sessions, int connected) throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < sessions && failure.get() == null; i++) {
            window.acquire();
            boolean stay = i >= sessions - connected;
            Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId(i)).serverHost("127.0.0.1")
                    .serverPort(port).simpleAuth().username(username(i)).applySimpleAuth().buildAsync();
            CompletableFuture<?> step = client.connectWith().cleanStart(false).sessionExpiryInterval(EXPIRY_SECONDS).send()
                    .thenCompose(connAck -> stay ? CompletableFuture.completedFuture(null) : client.disconnect());
            if (stay) {
                synchronized (stayingConnected) {
                    stayingConnected.add(client);
                }
            }
            step.whenComplete((ignored, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                window.release();
                int n = done.incrementAndGet();
                if (n % 10_000 == 0) {
                    System.out.printf("listing: %,d sessions made%n", n);
                }
            });
        }
        if (!window.tryAcquire(IN_FLIGHT, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sessions still being made after 120 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("making a session failed: " + failure.get(), failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        synchronized (stayingConnected) {
            for (Mqtt5AsyncClient client : stayingConnected) {
                client.disconnect();
            }
            stayingConnected.clear();
        }
    }
}
