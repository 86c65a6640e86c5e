package io.starlingmq.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One argument-less Redis command (PING, FLUSHALL) over a socket of its own, in RESP: all a launcher
 * needs to know that Redis answers, without a client library.
 */
public final class RedisCommand {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RedisCommand() {
    }

    /** The first line of the reply, e.g. {@code +PONG}. */
    public static String send(int port, String name) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("*1\r\n$" + name.length() + "\r\n" + name + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (line == null) {
                throw new IOException("Redis on port " + port + " closed the connection");
            }
            return line;
        }
    }

    /** Whether Redis answers PING with PONG. */
    public static boolean pong(int port) {
        try {
            return send(port, "PING").equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }
}
