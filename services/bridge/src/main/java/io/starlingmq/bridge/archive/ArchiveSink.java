package io.starlingmq.bridge.archive;

import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageJson;
import io.starlingmq.bridge.mqtt.MessageSink;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;

/**
 * Batches an archive rule's messages by object key and writes each batch as one gzipped JSON Lines object;
 * every message of a batch is acknowledged once its object is written, and a failed write fails them all (so
 * Starling sends them again into a new batch). A batch is written when full (messages or bytes) or
 * {@code max-age} after its first message. Batches hold at most the rule's in-flight window of messages.
 * Objects are written one at a time, by one thread per rule.
 */
public final class ArchiveSink implements MessageSink {

    private static final Logger LOG = Logger.getLogger(ArchiveSink.class);

    private final ArchiveRule rule;
    private final ObjectStore store;
    private final String instance;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Batch> open = new LinkedHashMap<>();
    private final ScheduledExecutorService writer;

    public ArchiveSink(ArchiveRule rule, ObjectStore store, String instance) {
        this.rule = rule;
        this.store = store;
        this.instance = instance;
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bridge-" + rule.name() + "-archive");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message) {
        String key;
        try {
            key = rule.key().render(new KeyVariables(message));
        } catch (TemplateException e) {
            return CompletableFuture.failedFuture(new PoisonMessageException(e.getMessage()));
        }
        byte[] line = MessageJson.bytes(message);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Batch full = null;
        synchronized (open) {
            Batch batch = open.get(key);
            if (batch == null) {
                batch = new Batch(key);
                open.put(key, batch);
                Batch scheduled = batch;
                writer.schedule(() -> writeIfOpen(scheduled), rule.maxAge().toMillis(), TimeUnit.MILLISECONDS);
            }
            batch.add(line, done);
            if (batch.count >= rule.maxMessages() || batch.bytes >= rule.maxBytes()) {
                open.remove(key);
                full = batch;
            }
        }
        if (full != null) {
            Batch toWrite = full;
            writer.execute(() -> write(toWrite));
        }
        return done;
    }

    private void writeIfOpen(Batch batch) {
        synchronized (open) {
            if (open.get(batch.key) != batch) {
                return;
            }
            open.remove(batch.key);
        }
        write(batch);
    }

    private void write(Batch batch) {
        String objectKey = batch.key.replace(KeyVariables.SEQ_PLACEHOLDER,
                String.format("%d-%s-%06d", System.currentTimeMillis(), instance, sequence.incrementAndGet()));
        try {
            store.put(rule.bucket(), objectKey, batch.gzipped(), "application/gzip");
            batch.waiting.forEach(future -> future.complete(null));
        } catch (RuntimeException e) {
            LOG.warnf("rule %s: writing %s/%s failed: %s", rule.name(), rule.bucket(), objectKey, e.getMessage());
            batch.waiting.forEach(future -> future.completeExceptionally(e));
        }
    }

    @Override
    public Duration holdTime() {
        return rule.maxAge();
    }

    @Override
    public void flush() {
        List<Batch> batches;
        synchronized (open) {
            batches = new ArrayList<>(open.values());
            open.clear();
        }
        batches.forEach(batch -> writer.execute(() -> write(batch)));
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    /** The messages of one object being collected. */
    private static final class Batch {
        private final String key;
        private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
        private int count;
        private long bytes;

        Batch(String key) {
            this.key = key;
        }

        void add(byte[] line, CompletableFuture<Void> done) {
            lines.writeBytes(line);
            lines.write('\n');
            waiting.add(done);
            count++;
            bytes += line.length + 1;
        }

        byte[] gzipped() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                lines.writeTo(gzip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
