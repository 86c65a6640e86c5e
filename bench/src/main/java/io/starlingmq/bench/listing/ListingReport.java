package io.starlingmq.bench.listing;

import java.util.List;
import java.util.Locale;

/** The listing scenario's section of BENCHMARKS.md. */
final class ListingReport {

    static final String HEADING = "## Listing clients: 100,000 sessions through the admin API";

    private ListingReport() {
    }

    static String write(List<ListingTimer.Timing> timings, double fillSeconds, long routerRss) {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        md.append("`./starling bench listing`: Redis (AOF everysec), one router, one gateway and ops, default settings. ")
                .append(String.format(Locale.ROOT, "%,d", ListingRun.SESSIONS))
                .append(" real MQTT 5 clients connect with Clean Start 0 and a day's session expiry (client ids ")
                .append("`device-000000`..., usernames `fleet-00`...`fleet-49` in turn), 64 at a time; all but the last ")
                .append(String.format(Locale.ROOT, "%,d", ListingRun.CONNECTED)).append(" disconnect, so the store holds ")
                .append("that many persistent sessions. Then the queries below take turns, one request each per round, ")
                .append(ListingRun.WARM_UP).append(" rounds to warm up and ").append(ListingRun.MEASURED)
                .append(" measured, one request after another from one HTTP client (`GET /api/v5/clients?...` with an ")
                .append("API key), the whole answer read; times are wall-clock per request at the client.\n\n");
        md.append(String.format(Locale.ROOT, "Making the sessions took %.1f s (%,.0f a second); the router's resident "
                + "memory with every session in its replica: %,d MB (its heap is fixed at 512 MB, -Xms = -Xmx, so this "
                + "is mostly heap it reserved at start, not what the replica takes).%n%n", fillSeconds,
                ListingRun.SESSIONS / fillSeconds, routerRss / (1024 * 1024)));
        md.append("| listing | query | sessions walked | p50 ms | p90 ms | p99 ms | max ms | entries | bytes |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ListingTimer.Timing t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %.2f | %.2f | %.2f | %.2f | %d | %,d |%n",
                    t.query().name(), t.query().query(), t.query().walks(), t.p50(), t.p90(), t.p99(), t.max(),
                    t.entries(), t.bytes()));
        }
        md.append("\nA page is read from the router's replica of the sessions (kept in client id order), never by ")
                .append("scanning the store. A page found by number walks the sessions before it, so the last of 1,000 ")
                .append("pages walks all of them; the cursor form starts where the previous page ended and costs what ")
                .append("the first page does at any depth. A filter walks until its page is full, so a rare match walks ")
                .append("everything.\n\n");
        return md.toString();
    }
}
