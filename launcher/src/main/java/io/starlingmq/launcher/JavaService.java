package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run one packaged Quarkus app of the suite: {@code java <jvmFlags> -jar <jar>} with the JVM's
 * environment plus {@code env}, its HTTP server on {@code httpPort}; ready once {@code /q/health} (its
 * startup, liveness and readiness checks together) answers 200: a gateway is ready with one router linked,
 * started only once it linked them all.
 *
 * @param name the process name, also the log file's name ({@code <name>.log})
 * @param java the java binary, e.g. {@link #currentJava()}
 */
public record JavaService(String name, Path jar, Path java, List<String> jvmFlags, Map<String, String> env,
                          int httpPort) {

    public JavaService {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
    }

    /** The java binary of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts it with its log in {@code logDir} and waits until {@code /q/health} answers 200. */
    public RunningPart start(Path logDir, Duration readyTimeout, ProcessSession session)
            throws IOException, InterruptedException {
        return start(logDir, readyTimeout, session, "/q/health");
    }

    /**
     * As {@link #start(Path, Duration, ProcessSession)}, ready once {@code healthPath} answers 200: e.g.
     * {@code /q/health/ready} for an app whose liveness is not a condition of taking work.
     */
    public RunningPart start(Path logDir, Duration readyTimeout, ProcessSession session, String healthPath)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        ManagedProcess process = ManagedProcess.start(name, command, environment, logDir.resolve(name + ".log"), session);
        process.awaitReady(Readiness.httpOk("http://127.0.0.1:" + httpPort + healthPath), readyTimeout);
        return new RunningPart(process, httpPort);
    }
}
