package io.starlingmq.launcher.up;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Runs {@code up}, {@code down} or {@code scale} with the script's {@code --name=value} options; answers the exit code. */
public final class UpMain {

    private UpMain() {
    }

    public static int run(String command, String[] args) {
        try {
            return switch (command) {
                case "up" -> new UpCommand(UpOptions.parse(args), System.out, System.err).run();
                case "down" -> DownCommand.run(Path.of(option(args, "run")), Path.of(option(args, "postgres-home")),
                        System.out);
                case "scale" -> new ScaleCommand(Path.of(option(args, "root")), Path.of(option(args, "state")),
                        Duration.ofSeconds(Long.parseLong(option(args, "ready-timeout"))),
                        Integer.parseInt(option(args, "gateway-http-port")), System.out)
                        .scaleTo(Integer.parseInt(option(args, "gateways")));
                default -> throw new IllegalArgumentException("unknown command " + command + " (up, down, scale)");
            };
        } catch (IOException e) {
            System.err.println("starling: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (UpFailure | IllegalArgumentException e) {
            System.err.println("starling: " + e.getMessage());
            return 1;
        }
    }

    private static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        throw new IllegalArgumentException("missing --" + name + "=...");
    }
}
