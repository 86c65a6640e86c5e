package io.starlingmq.bench.listing;

import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.bench.report.StandaloneSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./starling bench listing}: 100,000 persistent sessions made by real MQTT clients (the last 1,000 still
 * connected), then {@code GET /api/v5/clients} timed through ops as a script calls it: the first page, pages
 * deeper in, the cursor form, and filtered listings. Writes its section of BENCHMARKS.md.
 */
public final class ListingRun {

    static final int SESSIONS = 100_000;
    static final int CONNECTED = 1_000;
    /** Rounds of every query, one request each, before and while measuring. */
    static final int WARM_UP = 100;
    static final int MEASURED = 300;

    private ListingRun() {
    }

    public static int run(Path repo, Path out) throws Exception {
        Path work = Files.createTempDirectory("starling-listing");
        System.out.println("listing: starting Redis, a router, a gateway and ops (logs under " + work + ")");
        StarlingSettings settings = new StarlingSettings(StarlingSettings.DEFAULT_HEAP_MB, false);
        try (ListingSuite suite = ListingSuite.start(repo, Path.of(System.getProperty("java.home")), work, settings);
             SessionFiller filler = new SessionFiller(suite.mqttPort())) {
            Thread stopper = new Thread(() -> {
                filler.close();
                suite.close();
            }, "listing-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            double fillSeconds = filler.fill(SESSIONS, CONNECTED);
            System.out.printf("listing: %,d sessions in %.1f s%n", SESSIONS, fillSeconds);
            long routerRss = RouterMemory.rssBytes(suite.routerPid());
            ListingTimer timer = new ListingTimer(suite.opsPort());
            List<ListingTimer.Timing> timings = timer.time(queries(), WARM_UP, MEASURED);
            for (ListingTimer.Timing timing : timings) {
                System.out.printf("listing: %-40s p50 %7.2f ms  p99 %7.2f ms  (%d entries)%n", timing.query().name(),
                        timing.p50(), timing.p99(), timing.entries());
            }
            String section = ListingReport.write(timings, fillSeconds, routerRss);
            StandaloneSection.save(ListingReport.HEADING, section, repo.resolve("bench/results/listing.md"), out);
            System.out.println("listing: wrote " + out);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        return 0;
    }

    /** Sessions are device-000000 ... device-099999; the last 1,000 are connected; usernames fleet-00 ... fleet-49 in turn. */
    static List<ListingQuery> queries() {
        int lastPage = SESSIONS / 100;
        return List.of(
                new ListingQuery("first page", "page=1&limit=100", "100"),
                new ListingQuery("middle page", "page=" + lastPage / 2 + "&limit=100", "50,000"),
                new ListingQuery("last page", "page=" + lastPage + "&limit=100", "100,000"),
                new ListingQuery("cursor, first page", "cursor=&limit=100", "100"),
                new ListingQuery("cursor, last page", "cursor=" + SessionFiller.clientId(SESSIONS - 101) + "&limit=100",
                        "100"),
                new ListingQuery("username (1 in 50), first page", "username=fleet-07&limit=100", "5,000"),
                new ListingQuery("connected, first page", "conn_state=connected&limit=100", "99,100"),
                new ListingQuery("like_clientid matching 10", "like_clientid=device-09999&limit=100", "100,000"));
    }
}
