package io.starlingmq.store;

import java.util.Objects;

/**
 * One entry of the banned list. The store keeps and replicates bans; what matches what is the router's
 * business ({@code who} is a client id, a username, a host, a regular expression or a network by {@code kind}).
 *
 * @param by         who banned (an operator's name)
 * @param atMillis   when the ban was made, epoch millis
 * @param untilMillis when it lapses, epoch millis; {@link #FOREVER} for never
 */
public record Ban(BanKind kind, String who, String by, String reason, long atMillis, long untilMillis) {

    public static final long FOREVER = Long.MAX_VALUE;

    public Ban {
        Objects.requireNonNull(kind, "kind");
        if (who == null || who.isEmpty()) {
            throw new IllegalArgumentException("a ban names whom it bans");
        }
        by = by == null ? "" : by;
        reason = reason == null ? "" : reason;
    }

    public boolean lapsedAt(long nowMillis) {
        return untilMillis != FOREVER && untilMillis <= nowMillis;
    }

    /** A ban is replaced by one of the same kind and subject. */
    public String key() {
        return kind.name() + '\0' + who;
    }
}
