package io.starlingmq.testing.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the subscribers got, judged against what the publishers had acknowledged, from sequence numbers
 * alone. For each subscriber and each publisher of its group, the sequence numbers in the order they
 * arrived are judged:
 * <ul>
 *   <li><b>lost</b>: a number whose publish was acknowledged (PUBACK, or PUBCOMP, with a success code)
 *       that never arrived at a persistent subscriber. Clean subscribers are not judged for loss: their
 *       session, and what it would have received while they reconnect, ends with each connection.</li>
 *   <li><b>QoS 2 duplicate</b>: a number that arrived more than once at QoS 2, at any subscriber.</li>
 *   <li><b>out of order</b>: a number that arrived after a higher one although it had not arrived before.
 *       A number that arrived before may come again after higher ones: a QoS 1 redelivery (a message
 *       whose PUBACK did not reach the broker before the connection ended is sent again with DUP, and a
 *       publisher resends a PUBLISH it had no PUBACK for, which may then be routed twice), counted as a
 *       repeat. Any other number lower than the highest so far was overtaken by a later message of the
 *       same publisher: the order was not kept.</li>
 * </ul>
 * Numbers that arrived but were never acknowledged (the publish failed or its acknowledgement was lost
 * with a connection) are allowed: the publisher was never told they were delivered.
 */
public final class DeliveryCheck {

    private static final int EXAMPLES = 5;

    private DeliveryCheck() {
    }

    public record Publisher(String id, int group, int qos, Set<Long> acknowledged) {
    }

    public record Subscriber(String id, int group, boolean persistent, List<Receipt> receipts) {
    }

    /** The acknowledged numbers of one publisher that one persistent subscriber never got. */
    public record Loss(String subscriber, String publisher, List<Long> missing) {
    }

    /**
     * @param acknowledged publishes acknowledged, over all publishers
     * @param delivered    messages received, over all subscribers
     * @param repeats      QoS 1 numbers received again after their first arrival (allowed)
     */
    public record Result(long acknowledged, long delivered, long repeats, List<String> lost,
                         List<String> qos2Duplicates, List<String> outOfOrder, List<Loss> losses) {

        public boolean passed() {
            return lost.isEmpty() && qos2Duplicates.isEmpty() && outOfOrder.isEmpty();
        }

        public String summary() {
            return "acknowledged " + acknowledged + ", delivered " + delivered + ", QoS 1 repeats " + repeats
                    + ", lost at " + lost.size() + " (subscriber, publisher) pairs, QoS 2 duplicates at "
                    + qos2Duplicates.size() + ", out of order at " + outOfOrder.size();
        }
    }

    public static Result check(List<Publisher> publishers, List<Subscriber> subscribers) {
        long acknowledged = publishers.stream().mapToLong(p -> p.acknowledged().size()).sum();
        long delivered = 0;
        long repeats = 0;
        List<String> lost = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<Loss> losses = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            delivered += subscriber.receipts().size();
            Map<String, List<Receipt>> byPublisher = new HashMap<>();
            for (Receipt receipt : subscriber.receipts()) {
                byPublisher.computeIfAbsent(receipt.publisher(), p -> new ArrayList<>()).add(receipt);
            }
            for (Publisher publisher : publishers) {
                if (publisher.group() != subscriber.group()) {
                    continue;
                }
                String pair = subscriber.id() + " <- " + publisher.id();
                List<Receipt> arrived = byPublisher.getOrDefault(publisher.id(), List.of());
                Set<Long> seen = new HashSet<>();
                Set<Long> seenAtQos2 = new HashSet<>();
                TreeSet<Long> twiceAtQos2 = new TreeSet<>();
                List<String> overtaken = new ArrayList<>();
                long highest = -1;
                for (Receipt receipt : arrived) {
                    long n = receipt.sequence();
                    if (receipt.qos() == 2 && !seenAtQos2.add(n)) {
                        twiceAtQos2.add(n);
                    }
                    if (n > highest) {
                        highest = n;
                    } else if (seen.contains(n)) {
                        if (receipt.qos() < 2) {
                            repeats++;
                        }
                    } else {
                        overtaken.add(n + " after " + highest);
                    }
                    seen.add(n);
                }
                if (subscriber.persistent()) {
                    TreeSet<Long> missing = new TreeSet<>(publisher.acknowledged());
                    missing.removeAll(seen);
                    if (!missing.isEmpty()) {
                        losses.add(new Loss(subscriber.id(), publisher.id(), List.copyOf(missing)));
                        lost.add(pair + ": " + missing.size() + " of " + publisher.acknowledged().size()
                                + " acknowledged missing, e.g. " + first(missing));
                    }
                }
                if (!twiceAtQos2.isEmpty()) {
                    duplicates.add(pair + ": " + twiceAtQos2.size() + " numbers twice at QoS 2, e.g. "
                            + first(twiceAtQos2));
                }
                if (!overtaken.isEmpty()) {
                    outOfOrder.add(pair + ": " + overtaken.size() + " overtaken, e.g. "
                            + overtaken.subList(0, Math.min(EXAMPLES, overtaken.size())));
                }
            }
        }
        return new Result(acknowledged, delivered, repeats, lost, duplicates, outOfOrder, losses);
    }

    private static List<Long> first(TreeSet<Long> numbers) {
        return numbers.stream().limit(EXAMPLES).toList();
    }
}
