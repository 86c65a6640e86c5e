package io.starlingmq.bridge.webhook;

/** What a webhook's status code makes of the message it answered. */
enum AnswerVerdict {
    /** 2xx: the webhook has it; the MQTT message is acknowledged. */
    DELIVERED,
    /** 408, 429, 5xx: the webhook cannot take it now; tried again. */
    RETRY,
    /**
     * Any other status (other 4xx; 1xx and 3xx too, as redirects are not followed: a POST must not silently
     * become a GET): the webhook will never take this message; it goes to the dead letters.
     */
    DEAD_LETTER;

    static AnswerVerdict of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return RETRY;
        }
        return DEAD_LETTER;
    }
}
