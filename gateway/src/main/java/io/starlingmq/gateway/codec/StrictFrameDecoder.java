package io.starlingmq.gateway.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.starlingmq.contract.reason.DisconnectReason;
import java.util.List;

/**
 * Runs before netty's {@code MqttDecoder}: cuts the byte stream into whole packets (fixed header plus
 * Remaining Length, at most {@code maxPacketSize}), checks each one's structure with the frame rules, and
 * passes exactly one complete, checked packet on at a time. The codec reads fields past a packet's end
 * into the next packet and decodes strings leniently; here a packet that breaks a rule becomes a failed
 * {@code MqttMessage} carrying a {@link FrameRejectedException} (or, when too large, the codec's own
 * {@link TooLongFrameException}) which the decode-failure handler answers. Nothing is read after that.
 * One instance per connection: it remembers the protocol level of the accepted CONNECT.
 */
public final class StrictFrameDecoder extends ByteToMessageDecoder {

    private static final int CONNECT = 1;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBREC = 5;
    private static final int PUBREL = 6;
    private static final int PUBCOMP = 7;
    private static final int SUBSCRIBE = 8;
    private static final int UNSUBSCRIBE = 10;
    private static final int PINGREQ = 12;
    private static final int DISCONNECT = 14;
    private static final int AUTH = 15;

    private final int maxPacketSize;
    /** Stateless (its decoder is per thread): one for all connections. */
    private static final Utf8Check UTF8 = new Utf8Check();
    /** Protocol level of the CONNECT that passed, 0 before. */
    private int protocolLevel;
    /** Protocol level the first CONNECT announced, so its refusal can use that version. */
    private int announcedLevel;
    private boolean failed;
    private FrameAdmission admission = FrameAdmission.OPEN;
    /** The last decode stopped at a packet not admitted: no read may be asked for to complete it. */
    private boolean holding;
    /** Inside channelRead: a resume from a handler further on must not re-enter the decode loop. */
    private boolean reading;

    public StrictFrameDecoder(int maxPacketSize) {
        this.maxPacketSize = maxPacketSize;
    }

    /** Which packets may be cut from now on; checked before every packet. */
    public void admitWith(FrameAdmission newAdmission) {
        this.admission = newAdmission;
    }

    /**
     * Cuts the packets that waited in the buffer while they were not admitted, as far as they are
     * admitted now. Called on the channel's event loop once the reason for holding them has gone.
     */
    public void resume(ChannelHandlerContext ctx) throws Exception {
        if (reading || !holding || ctx.isRemoved() || !ctx.channel().isActive()) {
            // Within a read the decode loop goes on by itself and asks the admission again.
            return;
        }
        holding = false;
        channelRead(ctx, Unpooled.EMPTY_BUFFER);
        channelReadComplete(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        reading = true;
        try {
            super.channelRead(ctx, msg);
        } finally {
            reading = false;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (holding) {
            // The base class would ask for another read when this one produced no packet, to complete a
            // partial one; a held packet is whole, and more reads would only pile bytes up behind it.
            discardSomeReadBytes();
            ctx.fireChannelReadComplete();
            return;
        }
        super.channelReadComplete(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable > 0 && !admitted(in.getUnsignedByte(start))) {
            holding = true;
            return;
        }
        holding = false;
        int remainingLength = 0;
        int headerLength = 1;
        while (true) {
            if (headerLength >= readable) {
                return;
            }
            int digit = in.getUnsignedByte(start + headerLength);
            remainingLength |= (digit & 0x7F) << (7 * (headerLength - 1));
            headerLength++;
            if ((digit & 0x80) == 0) {
                break;
            }
            if (headerLength == 5) {
                fail(in, out, rejected(DisconnectReason.MALFORMED_PACKET, "Remaining Length longer than four bytes",
                        in.getUnsignedByte(start)));
                return;
            }
        }
        if (remainingLength > maxPacketSize) {
            // The same failure, and so the same answer (0x95), as the codec's own size check.
            fail(in, out, new TooLongFrameException("too large message: " + remainingLength + " bytes"));
            return;
        }
        if (readable < headerLength + remainingLength) {
            return;
        }
        int firstByte = in.getUnsignedByte(start);
        try {
            check(firstByte, in, start + headerLength, remainingLength);
        } catch (FrameViolation violation) {
            fail(in, out, rejected(violation.reasonCode(), violation.getMessage(), firstByte));
            return;
        }
        out.add(in.readRetainedSlice(headerLength + remainingLength));
    }

    private boolean admitted(int firstByte) {
        int type = firstByte >> 4;
        return admission.admits(type, type == PUBLISH ? (firstByte >> 1) & 0x03 : 0);
    }

    private void check(int firstByte, ByteBuf in, int bodyStart, int length) {
        int type = firstByte >> 4;
        int flags = firstByte & 0x0F;
        FrameReader reader = new FrameReader(in, bodyStart, length, UTF8);
        if (type == PUBLISH && protocolLevel != 0) {
            PublishFrameRules.check(reader, flags, mqtt5());
            return;
        }
        if (type != PUBLISH) {
            // [MQTT-2.2.2-2]: PUBREL, SUBSCRIBE and UNSUBSCRIBE have flags 0010, the others 0000.
            int expected = type == PUBREL || type == SUBSCRIBE || type == UNSUBSCRIBE ? 0x02 : 0x00;
            if (flags != expected) {
                throw FrameViolation.malformed("reserved fixed header flags of packet type " + type);
            }
        }
        if (type == CONNECT) {
            checkConnect(reader, in, bodyStart, length);
            return;
        }
        if (protocolLevel == 0) {
            throw FrameViolation.protocolError("packet type " + type + " before CONNECT"); // [MQTT-3.1.0-1]
        }
        boolean mqtt5 = mqtt5();
        switch (type) {
            case PUBACK -> AcknowledgementFrameRules.check(reader, mqtt5, "PUBACK");
            case PUBREC -> AcknowledgementFrameRules.check(reader, mqtt5, "PUBREC");
            case PUBREL -> AcknowledgementFrameRules.check(reader, mqtt5, "PUBREL");
            case PUBCOMP -> AcknowledgementFrameRules.check(reader, mqtt5, "PUBCOMP");
            case SUBSCRIBE -> SubscribeFrameRules.check(reader, mqtt5);
            case UNSUBSCRIBE -> UnsubscribeFrameRules.check(reader, mqtt5);
            case PINGREQ -> reader.expectEnd("PINGREQ");
            case DISCONNECT -> DisconnectFrameRules.check(reader, mqtt5);
            case AUTH -> {
                if (!mqtt5) {
                    throw FrameViolation.malformed("reserved packet type 15");
                }
                AuthFrameRules.check(reader);
            }
            case 0 -> throw FrameViolation.malformed("reserved packet type 0");
            // CONNACK, SUBACK, UNSUBACK, PINGRESP: server packets.
            default -> throw FrameViolation.protocolError("packet type " + type + " from a client");
        }
    }

    private void checkConnect(FrameReader reader, ByteBuf in, int bodyStart, int length) {
        if (protocolLevel != 0) {
            throw FrameViolation.protocolError("second CONNECT"); // [MQTT-3.1.0-2]
        }
        int level = ConnectFrameRules.protocolLevel(in, bodyStart, length);
        if (level == ConnectFrameRules.UNKNOWN_PROTOCOL) {
            return; // the codec refuses it with the answer an unknown protocol gets
        }
        announcedLevel = level;
        ConnectFrameRules.check(reader, level);
        protocolLevel = level;
    }

    private boolean mqtt5() {
        return protocolLevel == ConnectFrameRules.MQTT_5;
    }

    private FrameRejectedException rejected(DisconnectReason reason, String message, int firstByte) {
        boolean connect = firstByte >> 4 == CONNECT && protocolLevel == 0;
        return new FrameRejectedException(reason, message, connect, connect ? announcedLevel == ConnectFrameRules.MQTT_5 : mqtt5());
    }

    private void fail(ByteBuf in, List<Object> out, Exception cause) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(MqttMessageFactory.newInvalidMessage(cause));
    }
}
