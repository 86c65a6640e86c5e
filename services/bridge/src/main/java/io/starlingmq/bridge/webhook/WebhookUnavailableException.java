package io.starlingmq.bridge.webhook;

/** The webhook did not take a message, for a reason that may pass: Starling sends the message again. */
final class WebhookUnavailableException extends RuntimeException {

    WebhookUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
