package io.starlingmq.bench.scenario;

import io.starlingmq.bench.brokers.DeviceTokenSigner;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Credentials;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * C devices with distinct client ids connect as fast as a bounded window of CONNECTs in flight allows,
 * each presenting its own signed JWT as the password: connects per second and CONNECT → CONNACK
 * latency. A broker without JWT support (Mosquitto) gets the same connects anonymously, for context.
 */
public final class AuthConnectScenario implements Scenario {

    public static final String CONNECT_P50 = "CONNECT→CONNACK p50 ms";
    public static final String CONNECT_P99 = "CONNECT→CONNACK p99 ms";
    public static final String REFUSED = "refused connects";
    public static final String WITH_JWT = "with JWT (1) / anonymous (0)";
    /**
     * CONNECTs awaiting their CONNACK at once: below the gateway's default bound on concurrent auth
     * service calls (starling.gateway.auth.max-concurrent, 256), beyond which it answers "server busy".
     */
    static final int CONNECT_WINDOW = 200;
    private static final long CONNECT_TIMEOUT_SECONDS = 60;

    @Override
    public String name() {
        return "auth-connect";
    }

    @Override
    public String description() {
        return "C devices connect, each with its own signed JWT (RS256) checked by the auth service, at most "
                + CONNECT_WINDOW + " CONNECTs in flight: connects/s and CONNECT→CONNACK latency. Mosquitto has no JWT "
                + "authentication: its figures are anonymous connects with the same client, for context only";
    }

    @Override
    public boolean hasRate() {
        return false;
    }

    @Override
    public boolean authenticates() {
        return true;
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        int count = c.params().connections();
        List<BenchClient> clients = clients(c, count);
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong refused = new AtomicLong();
        Semaphore window = new Semaphore(CONNECT_WINDOW);
        List<CompletableFuture<Void>> connects = new ArrayList<>(count);
        try {
            long start = System.nanoTime();
            for (BenchClient client : clients) {
                if (!window.tryAcquire(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no CONNACK within " + CONNECT_TIMEOUT_SECONDS + " s");
                }
                long sent = System.nanoTime();
                connects.add(client.connect(false).whenComplete((ok, failure) -> {
                    window.release();
                    if (failure == null) {
                        latency.recordNanos(System.nanoTime() - sent);
                    } else {
                        refused.incrementAndGet();
                    }
                }).exceptionally(failure -> null));
            }
            CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Percentiles p = latency.percentiles();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(ConnScenario.CONNECTIONS, (double) count);
            m.put(ConnScenario.CONNECTS_PER_SECOND, (count - refused.get()) / seconds);
            m.put(CONNECT_P50, p.p50());
            m.put(CONNECT_P99, p.p99());
            m.put(REFUSED, (double) refused.get());
            m.put(WITH_JWT, c.tokens() != null ? 1.0 : 0.0);
            String note = refused.get() == 0 ? "" : refused.get() + " of " + count + " connects were refused or failed";
            return new RunResult(m, Percentiles.NONE, refused.get() == 0, note);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("connects did not complete: " + e, e);
        } finally {
            disconnect(clients);
        }
    }

    /** Tokens are signed before the clock starts: signing is the device's cost, not the broker's. */
    private static List<BenchClient> clients(ScenarioContext c, int count) {
        DeviceTokenSigner tokens = c.tokens();
        String[] ids = IntStream.range(0, count).mapToObj(i -> c.runId() + "-a" + i).toArray(String[]::new);
        String[] passwords = tokens == null ? null
                : IntStream.range(0, count).parallel().mapToObj(i -> tokens.tokenFor(ids[i])).toArray(String[]::new);
        List<BenchClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Credentials credentials = passwords == null ? null : Credentials.of(ids[i], passwords[i]);
            clients.add(BenchClients.create(c.settings().client(), c.settings().version(), ids[i],
                    c.endpoint().withLocalAddress(ConnScenario.sourceAddress(i % c.params().sourceAddresses())), null,
                    credentials));
        }
        return clients;
    }

    private static void disconnect(List<BenchClient> clients) {
        List<CompletableFuture<Void>> all = new ArrayList<>(clients.size());
        clients.forEach(client -> all.add(client.disconnect().exceptionally(e -> null)));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
