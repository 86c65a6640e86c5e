package io.starlingmq.testing.mqtt;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An MQTT connection over a plain socket that sends whatever bytes it is given and decodes every
 * packet the broker sends, for the tests that must send what no client library would (malformed
 * packets, a PUBLISH to a wildcard topic). It speaks both 3.1.1 and 5.0 and every packet type.
 */
public final class RawMqttClient implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int version;
    private ReceivedPacket lastConnack;

    private RawMqttClient(Socket socket, int version) throws IOException {
        this.socket = socket;
        this.version = version;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A socket to the port; packets read are decoded as {@code version} (4 for 3.1.1, 5 for 5.0). */
    public static RawMqttClient open(int port, int version) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return new RawMqttClient(socket, version);
    }

    /**
     * A socket to the port for tests that read only fields laid out alike in 3.1.1 and 5.0 (type, flags,
     * packet ids, reason codes); where the layouts differ, packets are decoded as 5.0.
     */
    public static RawMqttClient open(int port) throws IOException {
        return open(port, MqttPackets.V5);
    }

    /** Opens, sends a clean-start CONNECT without keep alive, and fails unless CONNACK is a success. */
    public static RawMqttClient connected(int port, int version, String clientId) throws IOException {
        return connected(port, version, MqttPackets.connect(version, clientId, 0));
    }

    /** Opens, sends the given CONNECT, and fails unless CONNACK is a success. */
    public static RawMqttClient connected(int port, int version, byte[] connect) throws IOException {
        RawMqttClient client = open(port, version);
        client.send(connect);
        ReceivedPacket connack = client.read();
        if (connack.type() != ReceivedPacket.CONNACK || connack.connackCode() != 0) {
            client.close();
            throw new IOException("CONNECT refused: " + connack);
        }
        client.lastConnack = connack;
        return client;
    }

    /** The CONNACK {@link #connected} received. */
    public ReceivedPacket connack() {
        return lastConnack;
    }

    public RawMqttClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next packet; fails when the broker closes first or nothing arrives within the read timeout. */
    public ReceivedPacket read() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed by the broker");
        }
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 21) {
                throw new IOException("malformed remaining length from the broker");
            }
            int digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new ReceivedPacket(first, body, version);
    }

    /** The next packet of the given type, skipping others (e.g. deliveries while waiting for an ack). */
    public ReceivedPacket readUntil(int type) throws IOException {
        while (true) {
            ReceivedPacket packet = read();
            if (packet.type() == type) {
                return packet;
            }
        }
    }

    /**
     * Everything the broker sends until it closes the connection; fails when it is still open after
     * the read timeout. Returns early after a successful CONNACK: the broker accepted the connection
     * and will not close it, which the caller's assertions then report without waiting.
     */
    public List<ReceivedPacket> readUntilClosed() throws IOException {
        List<ReceivedPacket> packets = new ArrayList<>();
        while (true) {
            try {
                ReceivedPacket packet = read();
                packets.add(packet);
                if (packet.type() == ReceivedPacket.CONNACK && packet.connackCode() == 0) {
                    return packets;
                }
            } catch (EOFException | SocketException closed) {
                return packets;
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the broker did not close the connection within " + READ_TIMEOUT
                        + "; it sent " + packets, stillOpen);
            }
        }
    }

    /**
     * Whether the broker sends nothing and keeps the connection open for {@code quiet}. A byte that
     * does arrive is consumed: use this only where any arrival fails the test.
     */
    public boolean silentFor(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException nothing) {
            return true;
        } catch (SocketException closed) {
            return false;
        } finally {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        }
    }

    /**
     * Whether the broker closes the connection within {@code timeout}; bytes it sends before closing (a
     * DISCONNECT, say) are consumed and ignored.
     */
    public boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() >= 0) {
                // Bytes before the close are not the point of this check.
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        }
    }

    /** Whether the broker has closed the connection: the next read finds the end of the stream. */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    /** PINGREQ, then whether PINGRESP is the next packet: the connection is open and served. */
    public boolean pingAnswered() {
        try {
            send(MqttPackets.pingreq());
            return read().type() == ReceivedPacket.PINGRESP;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
