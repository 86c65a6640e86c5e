package io.starlingmq.launcher.up;

import java.util.Arrays;

/**
 * The launcher as a program, for {@code ./starling}: {@code up ...} runs the suite locally, {@code down ...}
 * stops a detached run, {@code scale ...} changes the number of gateways of a running one. The script
 * finds the JDK, builds the parts and parses the user's flags; this does the launching.
 */
public final class SuiteMain {

    private SuiteMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: SuiteMain up|down|scale --name=value ...");
            System.exit(2);
        }
        System.exit(UpMain.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
    }
}
