package io.starlingmq.ops.audit;

import java.time.Instant;
import java.util.Optional;

/** A page of the audit trail, newest first, narrowed by any of the filters (EMQX's names). */
public record AuditQuery(Optional<String> from, Optional<String> source, Optional<String> sourceIp,
        Optional<String> httpMethod, Optional<Integer> httpStatusCode, Optional<Instant> gteCreatedAt,
        Optional<Instant> lteCreatedAt, int page, int limit) {
}
