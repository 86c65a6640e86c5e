package io.starlingmq.bench.scenario;

import io.starlingmq.bench.brokers.CpuWatch;
import io.starlingmq.bench.brokers.ListenOverflows;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.ClientGroup;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.Percentiles;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * C idle connections from several 127.0.0.x source addresses: how fast they connect, and how much
 * memory the process holding them (the gateway; mosquitto) grows per connection: RSS, and for the JVM
 * gateway its live heap after a full GC and its native memory outside the heap.
 */
public final class ConnScenario implements Scenario {

    public static final String CONNECTS_PER_SECOND = "connects/s";
    public static final String RSS_PER_CONNECTION = "RSS KB/conn";
    public static final String HEAP_PER_CONNECTION = "heap KB/conn";
    public static final String NATIVE_PER_CONNECTION = "native KB/conn";
    /** Live heap plus native memory outside the heap: what each connection costs the gateway. */
    public static final String MEMORY_PER_CONNECTION = "memory KB/conn";
    public static final String CONNECTIONS = "connections";
    public static final String REFUSED = "refused or failed connects";
    public static final String BENCH_CPU = "connect phase: bench CPU %";
    public static final String BROKER_CPU = "connect phase: broker CPU %";
    /** SYNs the kernel dropped because the broker's accept queue was full: each costs its client a 1 s retry. */
    public static final String LISTEN_OVERFLOWS = "connect phase: listen queue overflows";
    private static final long CONNECT_TIMEOUT_SECONDS = 60;

    @Override
    public String name() {
        return "conn";
    }

    @Override
    public String description() {
        return "C idle connections over several 127.0.0.x source addresses, a window of CONNECTs in flight: connect rate "
                + "with the bench's own CPU and the broker's during the connects, memory per connection";
    }

    /**
     * The raw Netty client: its connections share the event loops and cost no executor or timer each, so the
     * broker, not the generator, sets the connect rate (with the HiveMQ client the bench's CPU was the limit).
     */
    @Override
    public ClientKind defaultClient() {
        return ClientKind.NETTY;
    }

    @Override
    public boolean hasRate() {
        return false;
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        int count = c.params().connections();
        long rssBefore = c.memory().connectionHolderRssBytes();
        OptionalLong heapBefore = c.memory().connectionHolderHeapBytes();
        OptionalLong nativeBefore = c.memory().connectionHolderNativeBytes();
        List<BenchClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InetAddress source = sourceAddress(i % c.params().sourceAddresses());
            clients.add(BenchClients.create(c.settings(), c.runId() + "-c" + i, c.endpoint().withLocalAddress(source), null));
        }
        ClientGroup group = new ClientGroup(clients, c.params().connectWindow());
        try {
            CpuWatch benchCpu = CpuWatch.startOwn();
            CpuWatch brokerCpu = CpuWatch.start(c.brokerProcesses().values());
            OptionalLong overflowsBefore = ListenOverflows.read();
            long start = System.nanoTime();
            long refused = connectAll(clients, c.params().connectWindow());
            double seconds = (System.nanoTime() - start) / 1e9;
            double benchPercent = benchCpu.percentSoFar();
            double brokerPercent = brokerCpu.percentSoFar();
            OptionalLong overflowsAfter = ListenOverflows.read();
            long rssAfter = c.memory().connectionHolderRssBytes();
            OptionalLong heapAfter = c.memory().connectionHolderHeapBytes();
            OptionalLong nativeAfter = c.memory().connectionHolderNativeBytes();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(CONNECTIONS, (double) count);
            m.put(CONNECTS_PER_SECOND, (count - refused) / seconds);
            m.put(REFUSED, (double) refused);
            m.put(BENCH_CPU, benchPercent);
            m.put(BROKER_CPU, brokerPercent);
            m.put(LISTEN_OVERFLOWS, overflowsBefore.isPresent() && overflowsAfter.isPresent()
                    ? overflowsAfter.getAsLong() - overflowsBefore.getAsLong() : Double.NaN);
            // RSS that did not grow says nothing per connection (a JVM may return heap to the OS
            // meanwhile): no figure rather than a negative or zero one.
            long rssGrowth = rssAfter - rssBefore;
            m.put(RSS_PER_CONNECTION, rssGrowth > 0 ? rssGrowth / 1024.0 / count : Double.NaN);
            double heap = perConnectionKb(heapBefore, heapAfter, count);
            double nativeMemory = perConnectionKb(nativeBefore, nativeAfter, count);
            m.put(HEAP_PER_CONNECTION, heap);
            m.put(NATIVE_PER_CONNECTION, nativeMemory);
            m.put(MEMORY_PER_CONNECTION, memoryKb(heap, nativeMemory));
            String note = refused == 0 ? "" : refused + " of " + count + " connects were refused or failed";
            return new RunResult(m, Percentiles.NONE, refused == 0, note);
        } finally {
            group.disconnect();
        }
    }

    /**
     * Every client connects with at most {@code window} CONNECTs awaiting their CONNACK; a refused or failed
     * connect is counted, not retried, and does not stop the others.
     *
     * @return how many connects failed
     */
    static long connectAll(List<BenchClient> clients, int window) throws InterruptedException {
        Semaphore permits = new Semaphore(window);
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<Void>> connects = new ArrayList<>(clients.size());
        for (BenchClient client : clients) {
            if (!permits.tryAcquire(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no CONNACK within " + CONNECT_TIMEOUT_SECONDS + " s");
            }
            connects.add(client.connect(false).whenComplete((ok, e) -> {
                permits.release();
                if (e != null) {
                    failed.incrementAndGet();
                }
            }).exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("connects did not complete: " + e, e);
        }
        return failed.get();
    }

    static double perConnectionKb(OptionalLong before, OptionalLong after, int count) {
        return before.isPresent() && after.isPresent() ? (after.getAsLong() - before.getAsLong()) / 1024.0 / count
                : Double.NaN;
    }

    /** Heap plus native; native memory that shrank (a pool trimmed meanwhile) must not hide part of the heap's growth. */
    static double memoryKb(double heapKb, double nativeKb) {
        return Double.isNaN(heapKb) || Double.isNaN(nativeKb) ? Double.NaN : heapKb + Math.max(0, nativeKb);
    }

    /**
     * A measured round after a warm-up round has no RSS figure: the warm-up held as many connections in
     * the same process, and the memory they freed is reused, so RSS does not grow with new connections
     * (both brokers read 0.00 KB; bench finding 7). The heap and native figures stay: the GC and Native
     * Memory Tracking count what is held, not which pages were ever touched.
     */
    public static RunResult afterWarmUp(RunResult measured) {
        return measured.metrics().containsKey(RSS_PER_CONNECTION) ? measured.with(RSS_PER_CONNECTION, Double.NaN)
                : measured;
    }

    static InetAddress sourceAddress(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + index)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address cannot be unknown", e);
        }
    }
}
