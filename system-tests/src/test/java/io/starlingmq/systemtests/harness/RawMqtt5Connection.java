package io.starlingmq.systemtests.harness;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An MQTT 5 connection over a plain socket, for packets that client libraries refuse to send (such as
 * a PUBLISH to a topic with wildcards). It writes CONNECT and QoS 0 PUBLISH and reads whole packets;
 * nothing else of the protocol.
 */
public final class RawMqtt5Connection implements AutoCloseable {

    public static final int CONNACK = 2;
    public static final int DISCONNECT = 14;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawMqtt5Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens the socket; every read waits at most {@code readTimeout}. */
    public static RawMqtt5Connection open(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawMqtt5Connection(socket);
    }

    /** A clean-start CONNECT with user name and password, keep alive 60 s, no properties. */
    public void sendConnect(String clientId, String username, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5);
        body.write(0x80 | 0x40 | 0x02);
        body.write(0);
        body.write(60);
        body.write(0);
        writeString(body, clientId);
        writeString(body, username);
        writeString(body, password);
        sendPacket(0x10, body.toByteArray());
    }

    /** A QoS 0 PUBLISH without properties; the topic is sent as given, unchecked. */
    public void sendPublish(String topic, byte[] payload) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        body.write(0);
        body.write(payload);
        sendPacket(0x30, body.toByteArray());
    }

    /** The next packet from the server. */
    public Packet readPacket() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed by the server");
        }
        byte[] body = new byte[readVariableLength()];
        in.readFully(body);
        return new Packet(first >>> 4, body);
    }

    /** Whether the server has closed the connection: the next read finds the end of the stream. */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private int readVariableLength() throws IOException {
        int value = 0;
        for (int shift = 0; shift <= 21; shift += 7) {
            int next = in.readUnsignedByte();
            value |= (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }

    private void sendPacket(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream target, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        target.write(bytes.length >>> 8);
        target.write(bytes.length & 0xFF);
        target.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * One packet: its type (the high nibble of the first byte) and the bytes after the length. For
     * CONNACK the reason code is the second byte, for DISCONNECT the first.
     */
    public record Packet(int type, byte[] body) {

        public int reasonCode() {
            return switch (type) {
                case CONNACK -> body[1] & 0xFF;
                case DISCONNECT -> body.length == 0 ? 0 : body[0] & 0xFF;
                default -> throw new IllegalStateException("packet type " + type + " has no reason code here");
            };
        }
    }
}
