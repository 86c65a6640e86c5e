package io.starlingmq.bridge.mqtt;

import java.util.concurrent.CompletionStage;

/** Where a message no destination can take goes, with the reason; completes once it is kept there. */
public interface DeadLetters {

    CompletionStage<Void> send(InboundMessage message, String reason);
}
