package io.starlingmq.bench.listing;

/**
 * One kind of listing a script or the dashboard makes: a name for the report, the query string, and how many
 * sessions it must walk to answer, as this scenario lays them out.
 */
record ListingQuery(String name, String query, String walks) {
}
