package io.starlingmq.launcher;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks a Kafka broker for its metadata over a plain socket, so the launcher needs no Kafka client: a
 * Metadata request of version 0 (the oldest, still answered by Kafka 4) for all topics. The broker is
 * ready once the answer lists a live broker: a KRaft node lists itself only once it has caught up with
 * its metadata log and is no longer fenced, i.e. once it can lead partitions.
 */
final class KafkaMetadataProbe {

    private static final short METADATA_API_KEY = 3;
    private static final short VERSION = 0;
    private static final int CORRELATION_ID = 0x5741524C;
    private static final byte[] CLIENT_ID = "starling-launcher".getBytes(StandardCharsets.US_ASCII);

    private KafkaMetadataProbe() {
    }

    /** Whether the broker on the loopback {@code port} answers and lists at least one live broker. */
    static boolean listsALiveBroker(int port) {
        try (Socket socket = new Socket()) {
            int timeout = (int) Readiness.PROBE_TIMEOUT.toMillis();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            // Request header v1 (api key, version, correlation id, client id), then the body: an empty topic array.
            out.writeInt(2 + 2 + 4 + 2 + CLIENT_ID.length + 4);
            out.writeShort(METADATA_API_KEY);
            out.writeShort(VERSION);
            out.writeInt(CORRELATION_ID);
            out.writeShort(CLIENT_ID.length);
            out.write(CLIENT_ID);
            out.writeInt(0);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readInt(); // the answer's size
            int correlationId = in.readInt();
            int brokers = in.readInt();
            return correlationId == CORRELATION_ID && brokers > 0;
        } catch (IOException notYet) {
            return false;
        }
    }
}
