package io.starlingmq.bridge.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a webhook's answer to the end (so the connection can be reused) but keeps only its first
 * {@value #LIMIT} bytes: enough to say why a message was refused, and a huge answer costs no memory.
 */
final class AnswerExcerpt implements HttpResponse.BodySubscriber<byte[]> {

    static final int LIMIT = 200;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(LIMIT);
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), LIMIT - kept.size());
            if (take > 0) {
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(kept.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
