package io.starlingmq.launcher.up;

import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.PostgresBinaries;
import io.starlingmq.launcher.PostgresServer;
import io.starlingmq.launcher.ProcessTree;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** {@code ./starling down}: stops the processes a detached 'up' left, in its stop order, by their pid files. */
final class DownCommand {

    private DownCommand() {
    }

    static int run(Path runDir, Path postgresHome, PrintStream out) {
        RunDirectory run = new RunDirectory(runDir);
        if (!run.anyRunning()) {
            out.println("nothing is running");
            return 0;
        }
        for (String name : RunDirectory.PROCESSES) {
            OptionalLong pid = run.pid(name);
            if (pid.isEmpty()) {
                run.forget(name);
                continue;
            }
            if (name.equals("postgres")) {
                // A fast shutdown through pg_ctl leaves the cluster clean; runuser may not pass a signal on.
                PostgresBinaries.find().ifPresent(bin ->
                        PostgresServer.stop(bin, postgresHome.resolve("data"), PostgresServer.Shutdown.FAST));
            }
            ProcessHandle.of(pid.getAsLong()).ifPresent(process -> ProcessTree.stop(process, ManagedProcess.STOP_GRACE));
            run.forget(name);
        }
        new FleetRecords(runDir).clear();
        run.clearRunInfo();
        out.println("stopped");
        return 0;
    }
}
