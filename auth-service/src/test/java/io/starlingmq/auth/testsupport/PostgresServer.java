package io.starlingmq.auth.testsupport;

import io.starlingmq.testing.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The run's PostgreSQL (test-support's {@link LocalPostgres}): started once per JVM, stopped by a shutdown hook. */
final class PostgresServer {

    private PostgresServer() {
    }

    static Map<String, String> shared() {
        return JvmSingletons.get("postgres", PostgresServer::start);
    }

    private static Map<String, String> start() {
        try {
            LocalPostgres postgres = LocalPostgres.start(ProcessLogs.file("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            return Map.of("port", String.valueOf(postgres.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
