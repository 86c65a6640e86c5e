package io.starlingmq.launcher.up;

import java.nio.file.Path;

/** Runs {@code up} or {@code down} with the script's {@code --name=value} options; answers the exit code. */
public final class UpMain {

    private UpMain() {
    }

    public static int run(String command, String[] args) {
        try {
            return switch (command) {
                case "up" -> new UpCommand(UpOptions.parse(args), System.out, System.err).run();
                case "down" -> DownCommand.run(Path.of(option(args, "run")), Path.of(option(args, "postgres-home")),
                        System.out);
                default -> throw new IllegalArgumentException("unknown command " + command + " (up, down)");
            };
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
