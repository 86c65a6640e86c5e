package io.starlingmq.ops.audit;

import java.util.List;

/** The entries of one page and how many match in all. */
public record AuditPage(List<AuditEntry> entries, long count) {
}
