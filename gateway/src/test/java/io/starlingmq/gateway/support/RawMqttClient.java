package io.starlingmq.gateway.support;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A socket that speaks MQTT bytes, for sending malformed input and reading exact replies. */
public final class RawMqttClient implements AutoCloseable {

    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int PUBREC = 5;
    public static final int PUBREL = 6;
    public static final int PUBCOMP = 7;
    public static final int SUBACK = 9;
    public static final int PINGRESP = 13;
    public static final int DISCONNECT = 14;

    private final Socket socket;
    private final InputStream in;

    public RawMqttClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    /** Connects and asserts a successful CONNACK. */
    public static RawMqttClient connected(int port, int version, String clientId) throws IOException {
        return connected(port, version, MqttBytes.connect(version, clientId, 0, true));
    }

    public static RawMqttClient connected(int port, int version, byte[] connect) throws IOException {
        RawMqttClient client = new RawMqttClient(port);
        client.send(connect);
        RawPacket connack = client.read();
        if (connack.type() != CONNACK || connack.u8(1) != 0) {
            throw new IOException("connect refused: type " + connack.type() + " code " + connack.u8(1));
        }
        return client;
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    public RawPacket read() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed");
        }
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.read();
            if (digit < 0) {
                throw new EOFException("connection closed in header");
            }
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return new RawPacket(first, in.readNBytes(length));
    }

    /** True when the server closed the connection within the timeout, ignoring any bytes before it. */
    public boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() >= 0) {
                // Bytes before the close (a DISCONNECT, say) are not the point of this check.
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Sends PINGREQ and returns whether PINGRESP came back: the connection is alive and served. */
    public boolean pingAnswered() {
        try {
            send(MqttBytes.pingreq());
            return read().type() == PINGRESP;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
