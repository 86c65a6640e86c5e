package io.starlingmq.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.ConnectAuthorizer;
import io.starlingmq.gateway.mqtt.ConnectionServices;
import io.starlingmq.gateway.mqtt.Disconnects;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import io.starlingmq.gateway.validation.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The MQTT listener: its own Netty event loops, started with Quarkus and drained on shutdown
 * (stop accepting, ask every client to go, wait up to drain-timeout, then close the router links).
 */
@ApplicationScoped
public class MqttServer {

    private static final Logger LOG = Logger.getLogger(MqttServer.class);
    /** Outbound bytes per connection above which it reports not writable (QoS 0 is then dropped). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private final GatewayConfig config;
    private final RouterLinks links;
    private final ConnectionRegistry registry;
    private final ConnectionServices services;
    private final ChannelGroup channels = new DefaultChannelGroup("mqtt", GlobalEventExecutor.INSTANCE);
    private final NettyTransport transport = new NettyTransport();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private volatile Channel listener;

    public MqttServer(GatewayConfig config, RouterLinks links, ConnectionRegistry registry, GatewayMetrics metrics,
            ConnectAuthorizer authorizer) {
        this.config = config;
        this.links = links;
        this.registry = registry;
        this.services = new ConnectionServices(config, links, registry, metrics, authorizer);
    }

    void onStart(@Observes StartupEvent event) throws InterruptedException {
        links.start(registry);
        boss = transport.newGroup(1, "starling-mqtt-accept");
        workers = transport.newGroup(0, "starling-mqtt-io");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new MqttChannelInitializer(services, channels::add));
        listener = bootstrap.bind(config.mqtt().host(), config.mqtt().port()).sync().channel();
        LOG.infof("MQTT listening on %s (%s)", listener.localAddress(), transport.name());
    }

    void onStop(@Observes ShutdownEvent event) {
        Channel bound = listener;
        listener = null;
        if (bound != null) {
            bound.close().syncUninterruptibly();
        }
        drain();
        links.stop(config.drainTimeout());
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void drain() {
        for (Connection connection : registry.all()) {
            Channel channel = connection.channel();
            channel.eventLoop().execute(() -> Disconnects.disconnect(channel,
                    connection.identity().isMqtt5(), ReasonCode.SERVER_SHUTTING_DOWN));
        }
        if (!channels.newCloseFuture().awaitUninterruptibly(config.drainTimeout().toMillis())) {
            LOG.warnf("%d connections still open after the drain timeout; closing them", channels.size());
        }
        // Connections still in their CONNECT phase, or slow to close, end here.
        channels.close().awaitUninterruptibly(config.drainTimeout().toMillis());
    }

    /** True once the listener is bound and until shutdown starts. */
    public boolean isListening() {
        Channel bound = listener;
        return bound != null && bound.isActive();
    }
}
