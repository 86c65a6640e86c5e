package io.starlingmq.systemtests.harness;

import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MQTT over a WebSocket (the JDK's client) for the transport rules of MQTT 5.0 chapter 6: sends the bytes
 * it is given as binary (or text) messages, however they split the packets, and decodes the broker's
 * packets from the binary messages it receives, whatever their boundaries.
 */
public final class WebSocketMqttClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Messages received but not read yet; a test reads a handful, so more means a runaway broker. */
    private static final int MAX_BUFFERED_MESSAGES = 1024;

    private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>(MAX_BUFFERED_MESSAGES);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocket webSocket;
    private byte[] current = new byte[0];
    private int position;

    private WebSocketMqttClient() {
    }

    /** Opens {@code ws://127.0.0.1:port/mqtt} offering the given subprotocols; fails if the handshake does. */
    public static WebSocketMqttClient open(int port, String... subprotocols) throws IOException {
        WebSocketMqttClient client = new WebSocketMqttClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            client.webSocket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/mqtt"), client.listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket handshake failed", e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the WebSocket handshake", e);
        }
        return client;
    }

    /** The subprotocol the broker chose in its handshake answer. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    /** One binary WebSocket message with these bytes, whatever part of a packet (or packets) they are. */
    public void sendBinary(byte[] bytes) throws IOException {
        await(webSocket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    public void sendText(String text) throws IOException {
        await(webSocket.sendText(text, true));
    }

    /** The next MQTT packet from the broker, across message boundaries; decoded as 5.0. */
    public ReceivedPacket read() throws IOException {
        int first = nextByte();
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 21) {
                throw new IOException("malformed remaining length from the broker");
            }
            int digit = nextByte();
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) nextByte();
        }
        return new ReceivedPacket(first, body, MqttPackets.V5);
    }

    /** Whether the broker closed the WebSocket (or the connection under it) within the timeout. */
    public boolean closedByBroker() {
        try {
            closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int nextByte() throws IOException {
        while (position >= current.length) {
            try {
                byte[] next = messages.poll(closed.isDone() ? 0 : TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw closed.isDone() ? new EOFException("closed by the broker")
                            : new IOException("nothing from the broker within " + TIMEOUT);
                }
                current = next;
                position = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
        }
        return current[position++] & 0xFF;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                partial.writeBytes(bytes);
                if (last) {
                    if (!messages.offer(partial.toByteArray())) {
                        closed.completeExceptionally(new IOException("more than " + MAX_BUFFERED_MESSAGES + " unread messages"));
                    }
                    partial.reset();
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.complete(null);
            }
        };
    }

    private static void await(CompletableFuture<WebSocket> sending) throws IOException {
        try {
            sending.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("sending failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    @Override
    public void close() {
        if (webSocket != null) {
            webSocket.abort();
        }
    }
}
