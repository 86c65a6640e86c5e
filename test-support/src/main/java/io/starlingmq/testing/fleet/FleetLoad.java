package io.starlingmq.testing.fleet;

import io.starlingmq.testing.fleet.ClientProfile.Role;
import io.starlingmq.testing.fleet.ClientProfile.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Collections;
import java.util.Random;

/**
 * The clients of a fleet test, all through the load balancer: QoS 1 and QoS 2 publishers sending
 * sequence-numbered messages at a steady rate, persistent and clean subscribers recording them, and idle
 * clients that only hold a connection and a subscription; MQTT 5.0 and 3.1.1, persistent (Clean Start 0
 * with a session expiry, or cleanSession false) and clean, mixed within every role.
 */
public final class FleetLoad implements AutoCloseable {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    /** Connects in batches this large: a few hundred CONNECTs at once would be a storm of the test's making. */
    private static final int CONNECT_BATCH = 50;

    private final Shape shape;
    private final String host;
    private final int port;
    /** Written by whoever grows or shrinks the load, read by the checks and by samplers meanwhile. */
    private final List<FleetClient> clients = new CopyOnWriteArrayList<>();
    /** Idle clients taken away by {@link #removeIdle}: their timelines still count in {@link #everyClient()}. */
    private final List<FleetClient> retired = new CopyOnWriteArrayList<>();
    private int idleMade;
    /** Seeded: a run removes the same clients each time it is repeated with the same shape. */
    private final Random leavingOrder = new Random(17);
    private ScheduledExecutorService publishing;

    /**
     * How many clients of each kind. Every group has its publishers and subscribers; a subscriber gets
     * every message of its group's publishers.
     *
     * @param publishInterval how often each publisher publishes
     */
    public record Shape(int groups, int publishersPerGroup, int persistentSubscribersPerGroup,
                        int cleanSubscribersPerGroup, int idle, Duration publishInterval) {

        public int connections() {
            return groups * (publishersPerGroup + persistentSubscribersPerGroup + cleanSubscribersPerGroup) + idle;
        }

        /** Messages per second over all publishers. */
        public double publishRate() {
            return groups * publishersPerGroup * 1000.0 / publishInterval.toMillis();
        }
    }

    private FleetLoad(Shape shape, String host, int port) {
        this.shape = shape;
        this.host = host;
        this.port = port;
        this.idleMade = shape.idle();
    }

    /**
     * The clients of {@code shape}, connected through {@code host:port} and subscribed; nothing published
     * yet. Publishers cycle through (5.0, QoS 1), (3.1.1, QoS 1), (5.0, QoS 2), (3.1.1, QoS 2), two of
     * every three blocks of four persistent; subscribers and idle clients alternate versions, idle ones
     * alternate persistent and clean in pairs.
     */
    public static FleetLoad connect(Shape shape, String host, int port) throws Exception {
        FleetLoad load = new FleetLoad(shape, host, port);
        try {
            load.clients.addAll(connected(profiles(shape), host, port));
            return load;
        } catch (Exception | AssertionError e) {
            load.close();
            throw e;
        }
    }

    /** New clients of {@code profiles}, connected in batches and subscribed (all but publishers). */
    private static List<FleetClient> connected(List<ClientProfile> profiles, String host, int port) throws Exception {
        List<FleetClient> made = new ArrayList<>();
        for (ClientProfile profile : profiles) {
            made.add(new FleetClient(profile, host, port));
        }
        try {
            for (int from = 0; from < made.size(); from += CONNECT_BATCH) {
                List<FleetClient> batch = made.subList(from, Math.min(from + CONNECT_BATCH, made.size()));
                await(batch.stream().map(FleetClient::connect).toList(), "connect");
            }
            await(made.stream().filter(c -> c.profile().role() != Role.PUBLISHER).map(FleetClient::subscribe).toList(),
                    "subscribe");
            return made;
        } catch (Exception | AssertionError e) {
            made.forEach(FleetClient::disconnect);
            throw e;
        }
    }

    /**
     * Connects {@code count} more idle clients (each with a subscription of its own), made as {@link #connect}
     * makes idle ones, e.g. as a load ramps up.
     */
    public void addIdle(int count) throws Exception {
        List<ClientProfile> profiles = new ArrayList<>();
        for (int i = idleMade; i < idleMade + count; i++) {
            profiles.add(idleProfile(i));
        }
        idleMade += count;
        clients.addAll(connected(profiles, host, port));
    }

    /**
     * Disconnects {@code count} idle clients picked at random (a DISCONNECT of their own: no reconnect), as
     * devices of a fleet go offline: not the ones that came last, whom a load balancer put on the newest
     * servers.
     */
    public void removeIdle(int count) throws Exception {
        List<FleetClient> idle = new ArrayList<>(clients.stream().filter(c -> c.profile().role() == Role.IDLE).toList());
        Collections.shuffle(idle, leavingOrder);
        List<FleetClient> leaving = idle.subList(0, Math.min(count, idle.size()));
        await(leaving.stream().map(FleetClient::disconnect).toList(), "disconnect");
        clients.removeAll(leaving);
        retired.addAll(leaving);
    }

    /** The clients connected now and the idle ones removed: every timeline of the run. */
    public List<FleetClient> everyClient() {
        List<FleetClient> every = new ArrayList<>(clients);
        every.addAll(retired);
        return every;
    }

    static List<ClientProfile> profiles(Shape shape) {
        List<ClientProfile> profiles = new ArrayList<>();
        int publishers = shape.groups() * shape.publishersPerGroup();
        for (int i = 0; i < publishers; i++) {
            Version version = i % 2 == 0 ? Version.V5 : Version.V311;
            int qos = (i / 2) % 2 == 0 ? 1 : 2;
            boolean persistent = (i / 4) % 3 != 2;
            profiles.add(new ClientProfile(name("pub", i, version, persistent) + "-q" + qos, version, persistent,
                    Role.PUBLISHER, i % shape.groups(), qos));
        }
        int persistentSubscribers = shape.groups() * shape.persistentSubscribersPerGroup();
        for (int i = 0; i < persistentSubscribers; i++) {
            Version version = i % 2 == 0 ? Version.V5 : Version.V311;
            profiles.add(new ClientProfile(name("sub", i, version, true), version, true, Role.SUBSCRIBER,
                    i % shape.groups(), 2));
        }
        int cleanSubscribers = shape.groups() * shape.cleanSubscribersPerGroup();
        for (int i = 0; i < cleanSubscribers; i++) {
            Version version = i % 2 == 0 ? Version.V5 : Version.V311;
            profiles.add(new ClientProfile(name("sub", persistentSubscribers + i, version, false), version, false,
                    Role.SUBSCRIBER, i % shape.groups(), 2));
        }
        for (int i = 0; i < shape.idle(); i++) {
            profiles.add(idleProfile(i));
        }
        return profiles;
    }

    private static ClientProfile idleProfile(int i) {
        Version version = i % 2 == 0 ? Version.V5 : Version.V311;
        boolean persistent = (i / 2) % 2 == 0;
        return new ClientProfile(name("idle", i, version, persistent), version, persistent, Role.IDLE, -1, 1);
    }

    /** e.g. {@code pub-007-v5-p}: role, index, version, persistent (p) or clean (c). */
    private static String name(String role, int index, Version version, boolean persistent) {
        return String.format("%s-%03d-%s-%s", role, index, version == Version.V5 ? "v5" : "v3", persistent ? "p" : "c");
    }

    /** Every publisher publishes its next number once per interval, the publishers spread over it. */
    public void startPublishing() {
        publishing = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("fleet-publishing").unstarted(r));
        List<FleetClient> publishers = publishers();
        long interval = shape.publishInterval().toNanos();
        for (int i = 0; i < publishers.size(); i++) {
            FleetClient publisher = publishers.get(i);
            publishing.scheduleAtFixedRate(publisher::publishNext, interval * i / publishers.size(), interval,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Stops publishing and waits until every publish was answered (acknowledged, or failed). */
    public void stopPublishing() throws InterruptedException {
        publishing.shutdownNow();
        publishing.awaitTermination(5, TimeUnit.SECONDS);
        Await.until(() -> publishers().stream().allMatch(p -> p.pendingPublishes() == 0), STEP_TIMEOUT,
                () -> "publishes still unanswered: " + publishers().stream().filter(p -> p.pendingPublishes() > 0)
                        .map(p -> p.id() + "=" + p.pendingPublishes()).toList());
    }

    public List<FleetClient> clients() {
        return clients;
    }

    public List<FleetClient> publishers() {
        return clients.stream().filter(c -> c.profile().role() == Role.PUBLISHER).toList();
    }

    public List<FleetClient> subscribers() {
        return clients.stream().filter(c -> c.profile().role() == Role.SUBSCRIBER).toList();
    }

    /** Waits until every client is connected. */
    public void awaitAllConnected(Duration timeout) throws InterruptedException {
        Await.until(() -> clients.stream().allMatch(FleetClient::isConnected), timeout,
                () -> "not connected: " + clients.stream().filter(c -> !c.isConnected()).map(FleetClient::id).toList());
    }

    /** How many clients' connections ended since {@code fromNanos}. */
    public long departedSince(long fromNanos) {
        return clients.stream().filter(c -> !c.timeline().departuresBetween(fromNanos, Long.MAX_VALUE).isEmpty()).count();
    }

    /** The delivery check now. */
    public DeliveryCheck.Result deliveries() {
        List<DeliveryCheck.Publisher> publishers = publishers().stream().map(p -> new DeliveryCheck.Publisher(p.id(),
                p.profile().group(), p.profile().qos(), p.acknowledged())).toList();
        List<DeliveryCheck.Subscriber> subscribers = subscribers().stream().map(s -> new DeliveryCheck.Subscriber(s.id(),
                s.profile().group(), s.profile().persistent(), s.receipts())).toList();
        return DeliveryCheck.check(publishers, subscribers);
    }

    /**
     * After {@link #stopPublishing()}: waits until no acknowledged message is missing (queued messages
     * may still be on their way) or {@code timeout} passed, then a second more for late duplicates, and
     * answers the check.
     */
    public DeliveryCheck.Result awaitDeliveries(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!deliveries().lost().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        return deliveries();
    }

    /**
     * For each loss: the subscriber's and the publisher's connects and disconnects, when the missing
     * number was published and acknowledged, and what the subscriber got around it and when.
     */
    public String explain(DeliveryCheck.Result result) {
        StringBuilder text = new StringBuilder();
        for (DeliveryCheck.Loss loss : result.losses()) {
            FleetClient subscriber = client(loss.subscriber());
            FleetClient publisher = client(loss.publisher());
            text.append(loss.subscriber()).append(" <- ").append(loss.publisher()).append(" missing ")
                    .append(loss.missing()).append('\n');
            for (long n : loss.missing().subList(0, Math.min(3, loss.missing().size()))) {
                text.append("  ").append(n).append(": ").append(publisher.publishTimes(n)).append("; around it the subscriber got ");
                subscriber.receipts().stream().filter(r -> r.publisher().equals(loss.publisher()))
                        .filter(r -> Math.abs(r.sequence() - n) <= 2)
                        .forEach(r -> text.append(r.sequence()).append("@").append(FleetClock.format(r.atNanos()))
                                .append("(qos").append(r.qos()).append(") "));
                text.append('\n');
            }
            text.append("  subscriber: ").append(subscriber.timeline().describe()).append('\n');
            text.append("  publisher: ").append(publisher.timeline().describe()).append('\n');
        }
        return text.toString();
    }

    private FleetClient client(String id) {
        return clients.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    public List<String> sessionViolations() {
        return SessionCheck.check(SessionCheck.of(clients));
    }

    private static void await(List<CompletableFuture<Void>> steps, String what) throws Exception {
        CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops publishing and disconnects every client (a DISCONNECT of its own: no reconnect). */
    @Override
    public void close() {
        if (publishing != null) {
            publishing.shutdownNow();
        }
        List<CompletableFuture<Void>> disconnects = clients.stream().map(FleetClient::disconnect).toList();
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the processes stop next
        }
    }
}
