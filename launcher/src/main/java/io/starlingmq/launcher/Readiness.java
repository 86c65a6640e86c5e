package io.starlingmq.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A check that a started server takes work; polled by {@link ManagedProcess#awaitReady}. */
@FunctionalInterface
public interface Readiness {

    Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    boolean ready();

    /** An HTTP GET answers 200, e.g. Quarkus's {@code /q/health/ready}. */
    static Readiness httpOk(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).build();
        return () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** An HTTP GET gets any answer: a server whose every path needs credentials (S3) is up once it refuses one. */
    static Readiness httpAnswers(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).build();
        return () -> {
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** Something accepts TCP connections on the loopback port. */
    static Readiness acceptsConnections(int port) {
        return () -> {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        };
    }

    /** A command (such as {@code pg_isready}) exits with 0 within {@link #PROBE_TIMEOUT}. */
    static Readiness commandSucceeds(List<String> command) {
        return () -> {
            try {
                Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!probe.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    probe.destroyForcibly();
                    return false;
                }
                return probe.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
