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
import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.config.GatewayId;
import io.starlingmq.gateway.config.TransportConfig;
import io.starlingmq.gateway.drain.ConnectionDrain;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.moves.RouterMoves;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.ConnectAuthorizer;
import io.starlingmq.gateway.mqtt.ConnectionServices;
import io.starlingmq.gateway.rebalance.Rebalancer;
import io.starlingmq.gateway.session.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The MQTT listeners (TCP, TLS, WebSocket, WebSocket over TLS, each as configured) on shared Netty event
 * loops, started with Quarkus and drained on shutdown (stop accepting, ask the clients to go at the
 * drain's pace, wait for them up to its timeout, then close the router links).
 */
@ApplicationScoped
public class MqttServer {

    private static final Logger LOG = Logger.getLogger(MqttServer.class);
    /** Outbound bytes per connection above which it reports not writable (QoS 0 is then dropped). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);
    /** After the drain, how long the router links may take to send what is queued (the SessionCloses). */
    private static final Duration LINK_FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final TransportConfig transports;
    private final RouterLinks links;
    private final ConnectionRegistry registry;
    private final ConnectionServices services;
    private final ConnectionDrain drain;
    private final Rebalancer rebalancer;
    private final RouterMoves moves;
    private final ChannelGroup channels = new DefaultChannelGroup("mqtt", GlobalEventExecutor.INSTANCE);
    private final NettyTransport transport = new NettyTransport();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    /** Bound listener channels by listener name, in bind order; cleared when shutdown starts. */
    private final List<BoundListener> bound = new CopyOnWriteArrayList<>();
    private volatile int expectedListeners = -1;

    public MqttServer(GatewayConfig config, TransportConfig transports, RouterLinks links,
            ConnectionRegistry registry, GatewayMetrics metrics, ConnectAuthorizer authorizer, AuthConfig auth,
            GatewayId gatewayId) {
        this.config = config;
        this.transports = transports;
        this.links = links;
        this.registry = registry;
        this.services = new ConnectionServices(config, links, registry, metrics, authorizer, auth);
        this.drain = new ConnectionDrain(registry, config.drain(), metrics);
        this.rebalancer = new Rebalancer(registry, links, gatewayId.value(), config.rebalance(),
                config.link().heartbeatInterval(), metrics);
        this.moves = new RouterMoves(registry, links, config.routerMoves(), metrics);
    }

    void onStart(@Observes StartupEvent event) throws InterruptedException {
        ListenerPlan plan = new ListenerPlan(config, transports);
        expectedListeners = plan.listeners().size();
        boss = transport.newGroup(1, "starling-mqtt-accept");
        workers = transport.newGroup(eventLoops(), "starling-mqtt-io");
        // Each router link lives on one of the connections' event loops: see RouterLinks.
        links.start(registry, workers, transport.socketChannel());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        for (Listener listener : plan.listeners()) {
            Channel channel = bootstrap.clone()
                    .childHandler(new MqttChannelInitializer(services, channels::add, listener.stages()))
                    .bind(listener.host(), listener.port()).sync().channel();
            bound.add(new BoundListener(listener.name(), channel));
            LOG.infof("MQTT %s listening on %s (%s)", listener.name(), channel.localAddress(), transport.name());
        }
        plan.sslContext().ifPresent(ssl -> {
            long everyMillis = transports.tls().reloadInterval().toMillis();
            boss.scheduleWithFixedDelay(ssl::reloadIfChanged, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        });
        rebalancer.start();
        moves.start();
    }

    private int eventLoops() {
        int configured = config.eventLoops();
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    void onStop(@Observes ShutdownEvent event) {
        rebalancer.stop();
        moves.stop();
        List<BoundListener> closing = List.copyOf(bound);
        bound.clear();
        for (BoundListener listener : closing) {
            listener.channel().close().syncUninterruptibly();
        }
        links.markDraining();
        drain.run(channels);
        links.stop(LINK_FLUSH_TIMEOUT);
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** True once every enabled listener is bound and until shutdown starts. */
    public boolean isListening() {
        return bound.size() == expectedListeners && bound.stream().allMatch(l -> l.channel().isActive());
    }

    /** Whether each bound listener is accepting, by name (tcp, tls, ws, wss). */
    public Map<String, Boolean> listenerStates() {
        Map<String, Boolean> states = new LinkedHashMap<>();
        bound.forEach(listener -> states.put(listener.name(), listener.channel().isActive()));
        return states;
    }

    private record BoundListener(String name, Channel channel) {
    }
}
