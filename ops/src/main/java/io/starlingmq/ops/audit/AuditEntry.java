package io.starlingmq.ops.audit;

import java.time.Instant;

/**
 * One change asked through the API: who ({@code source}, the key's name or the token's user, and {@code from}, how
 * they authenticated), what (method, path, status; never a body, so no secret), when and from where.
 */
public record AuditEntry(Instant createdAt, String source, String from, String sourceIp, String httpMethod, String path,
        int httpStatusCode, long durationMs) {

    /** As EMQX: a status below 400 succeeded. */
    public String operationResult() {
        return httpStatusCode < 400 ? "success" : "failure";
    }
}
