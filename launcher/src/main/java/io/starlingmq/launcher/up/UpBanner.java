package io.starlingmq.launcher.up;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import io.starlingmq.launcher.RedisCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code ./starling up} prints once every part is ready: where to connect, the rules in force, how to try it. */
final class UpBanner {

    private static final String DEVICE_PASSWORD = "starling-local-device";
    private static final Pattern CLAIM_VALUE = Pattern.compile(".*\"claim\\.value\": \"(.*)\".*");

    private UpBanner() {
    }

    static void print(PrintStream out, UpOptions o, String store, Path realmFile) throws IOException {
        UpOptions.Ports p = o.ports();
        boolean keycloak = o.mode() == UpOptions.Mode.KEYCLOAK;
        Path certs = o.certificates();
        out.println();
        out.println("Starling is up.");
        out.println("  MQTT (gateway)      tcp://127.0.0.1:" + p.mqtt() + "   (MQTT 3.1, 3.1.1, 5.0)");
        out.println("  MQTT over TLS       ssl://localhost:" + p.tls() + "   (CA: " + certs.resolve("ca.pem") + ")");
        out.println("  MQTT over WebSocket ws://127.0.0.1:" + p.ws() + "/mqtt   wss://localhost:" + p.wss()
                + "/mqtt   (subprotocol mqtt)");
        out.println("  gateway health      http://127.0.0.1:" + p.gatewayHttp() + "/q/health   metrics: /q/metrics");
        out.println("  router (gRPC+HTTP)  127.0.0.1:" + p.router() + "   health: http://127.0.0.1:" + p.router()
                + "/q/health");
        out.println("  session store       " + store);
        out.println("  admin API (ops)     http://127.0.0.1:" + p.ops() + "/api/v5   (Swagger UI: /q/swagger-ui; API key "
                + "as HTTP Basic: curl -u \"$(cat " + o.apiKey() + ")\" http://127.0.0.1:" + p.ops() + "/api/v5/nodes)");
        out.println("  dashboard (ops)     http://127.0.0.1:" + p.ops() + "/   (log in with the API key in " + o.apiKey()
                + ": key before the ':', secret after it)");
        if (o.mode().authenticates()) {
            String issuer = keycloak
                    ? "Keycloak realm starling (http://127.0.0.1:" + p.keycloak() + "/realms/starling), audience "
                            + DevKeyToken.AUDIENCE
                    : "local development key " + o.devKey().resolve("public.pem") + " (iss " + DevKeyToken.ISSUER
                            + "), audience " + DevKeyToken.AUDIENCE;
            out.println("  auth service        http://127.0.0.1:" + p.auth()
                    + "   (POST /v1/authn, OpenAPI: /q/openapi; profile local, chain jwt,password)");
            out.println("  auth database       PostgreSQL 127.0.0.1:" + p.postgres() + " (data in "
                    + o.postgresHome().resolve("data") + "; ops's API keys and audit trail in its schema ops)");
            out.println("  token issuer        " + issuer);
        }
        if (keycloak) {
            out.println("  Keycloak            http://127.0.0.1:" + p.keycloak() + "   admin console: http://127.0.0.1:"
                    + p.keycloak() + "/admin/ (user admin, password admin)");
            out.println("                      realm starling: admin/admin, viewer/viewer; devices dev-1, dev-2 (password "
                    + DEVICE_PASSWORD + ")");
            out.println("                      admin API tokens and the dashboard's single sign-on (client ops): "
                    + "ops-admin/ops-admin, ops-viewer/ops-viewer");
        }
        out.println("  logs                " + o.logs() + "/");
        out.println();
        if (o.mode().authenticates()) {
            printAuthenticated(out, o, realmFile, keycloak, certs);
        } else {
            printAnonymous(out, p, certs);
        }
    }

    /** The store line of {@code --redis-cluster}, counting the roles the nodes have now. */
    static String clusterStore(List<RedisCluster.Node> nodes, int waitReplicas) {
        long masters = nodes.stream().filter(RedisCluster.Node::master).count();
        return "Redis Cluster (" + masters + " masters, " + (nodes.size() - masters) + " replicas, writes wait for "
                + waitReplicas + (waitReplicas == 1 ? " replica)" : " replicas)");
    }

    /** With --redis-cluster: every node with its role (a master's slots, a replica's master), where data and logs go. */
    static void printRedisCluster(PrintStream out, UpOptions o, List<RedisCluster.Node> nodes, Duration nodeTimeout) {
        out.println();
        out.println("Redis Cluster (--redis-cluster), node timeout " + nodeTimeout.toSeconds() + " s:");
        for (RedisCluster.Node node : nodes) {
            String role = node.master() ? "slots " + String.join(" ", node.slots())
                    : "of " + node.masterPort().stream().mapToObj(Integer::toString).findFirst().orElse("(unknown)");
            out.printf("  127.0.0.1:%-6d %-8s %-24s bus %d%n", node.port(), node.master() ? "master" : "replica", role,
                    node.busPort());
        }
        out.println("  data in " + o.redisClusterData() + "/<port>/ (append-only file, fsync every second; nodes.conf),"
                + " kept between runs");
        out.println("  logs in " + o.logs() + "/redis-<port>.log");
        int first = nodes.isEmpty() ? o.redisCluster().orElseThrow().first() : nodes.getFirst().port();
        out.println("  redis-cli -c -p " + first + " cluster nodes   # the cluster as its nodes see it");
    }

    private static void printAuthenticated(PrintStream out, UpOptions o, Path realmFile, boolean keycloak, Path certs)
            throws IOException {
        int mqtt = o.ports().mqtt();
        if (keycloak) {
            printRules(out, realmDeviceAcl(realmFile), "the realm's mqtt acl mapper, " + realmFile);
        } else if (o.deviceAclFromEnvironment()) {
            printRules(out, o.deviceAcl(), "from STARLING_UP_DEVICE_ACL");
        } else {
            printRules(out, o.deviceAcl(), "the default; STARLING_UP_DEVICE_ACL changes it");
        }
        String tokens = keycloak ? "Keycloak password grant, client starling-devices, user CLIENT_ID (dev-1, dev-2)"
                : "signed with the local development key";
        out.println();
        out.println("Devices authenticate with the auth service: the MQTT password is a token whose client id claim");
        out.println("matches the MQTT client id; a device without one is refused (CONNACK 0x87, 3.1.1: 0x05).");
        out.println("Device tokens (" + tokens + "):");
        out.println("  TOKEN=$(./starling token dev-1)");
        out.println();
        out.println("Try it:");
        out.println("  mosquitto_pub -V mqttv5 -p " + mqtt
                + " -i dev-1 -u dev-1 -P \"$TOKEN\" -t devices/dev-1/hello -m hi -q 1   # allowed");
        out.println("  mosquitto_pub -V mqttv5 -p " + mqtt
                + " -i dev-1 -u dev-1 -P \"$TOKEN\" -t a/b -m hi -q 1                  # refused (0x87)");
        out.println("  mosquitto_pub -h localhost -p " + o.ports().tls() + " --cafile " + certs.resolve("ca.pem")
                + " -i dev-1 -u dev-1 -P \"$TOKEN\" -t devices/dev-1/hello -m 'hi over TLS'");
    }

    /** With --kafka: Kafka's address, the bridge and its two rules, how to watch and feed both sides. */
    static void printKafka(PrintStream out, UpOptions o, boolean bridgeRunning) {
        UpOptions.KafkaPorts k = o.kafka().orElseThrow();
        int mqtt = o.ports().mqtt();
        out.println();
        out.println("Kafka and the bridge (--kafka):");
        out.println("  Kafka               127.0.0.1:" + k.kafka() + "   (one node, KRaft; data in " + o.kafkaData()
                + "; topics made on first use)");
        if (bridgeRunning) {
            out.println("  bridge              http://127.0.0.1:" + k.bridgeHttp() + "/q/health   (rules: " + o.bridgeRules()
                    + ")");
            if (o.mode() == UpOptions.Mode.DEV_KEY) {
                out.println("                      connects as " + String.join(", ", BridgeRules.clientIds())
                        + " with one dev-key token, rule " + LocalBridge.ACL);
            }
        } else {
            out.println("  bridge              NOT RUNNING: build services/bridge (./mvnw -B package -DskipTests -pl "
                    + "services/bridge -am), then up --kafka again");
        }
        out.println("  rule " + BridgeRules.TO_KAFKA + "       MQTT " + BridgeRules.TO_KAFKA_FILTER + "  ->  Kafka topic "
                + BridgeRules.TO_KAFKA_TOPIC + "   (key: the publisher's client id, value: the payload)");
        out.println("  rule " + BridgeRules.FROM_KAFKA + "     Kafka topic " + BridgeRules.FROM_KAFKA_TOPIC + "  ->  MQTT "
                + BridgeRules.FROM_KAFKA_MQTT_PREFIX + "<record key>   (QoS 1)");
        if (o.mode().authenticates() && !o.deviceAcl().contains("bridge/")) {
            out.println("  NOTE: the device rule in force names no bridge/ topic: devices cannot reach the bridge.");
        }
        String pub = o.mode().authenticates() ? " -i dev-1 -u dev-1 -P \"$TOKEN\"" : "";
        String sub = o.mode().authenticates() ? " -i dev-2 -u dev-2 -P \"$(./starling token dev-2)\"" : "";
        out.println();
        out.println("Try the bridge:");
        out.println("  ./starling kafka consume " + BridgeRules.TO_KAFKA_TOPIC
                + "       # every record from the start: key, value, headers (--max N, --timeout S)");
        out.println("  mosquitto_pub -V mqttv5 -p " + mqtt + pub + " -t bridge/to-kafka/hello -m hi -q 1");
        out.println("  mosquitto_sub -V mqttv5 -p " + mqtt + sub + " -t 'bridge/from-kafka/#' -v");
        out.println("  ./starling kafka produce " + BridgeRules.FROM_KAFKA_TOPIC
                + " k1 hello   # the subscriber prints bridge/from-kafka/k1 hello");
    }

    private static void printAnonymous(PrintStream out, UpOptions.Ports p, Path certs) {
        out.println("WARNING: AUTHENTICATION IS OFF (--anonymous). Any device that reaches these ports connects without");
        out.println("WARNING: credentials and may publish and subscribe to every topic. Drop --anonymous to turn it on.");
        out.println();
        out.println("Try it:");
        out.println("  mosquitto_sub -V mqttv5 -p " + p.mqtt() + " -t 'a/#' -v");
        out.println("  mosquitto_pub -V mqttv311 -p " + p.mqtt() + " -t a/b -m hi");
        out.println("  mosquitto_pub -h localhost -p " + p.tls() + " --cafile " + certs.resolve("ca.pem")
                + " -t a/b -m 'hi over TLS'");
    }

    /** The access rules in force, the acl claim of every device token. */
    private static void printRules(PrintStream out, String acl, String source) {
        out.println("Access rules in force (" + source + "), the acl claim of every device token:");
        out.println("  " + acl);
        out.println("  (pub: topics a device may publish to, sub: filters it may subscribe to, ${clientid}: its MQTT");
        out.println("  client id). Whatever no rule allows is denied: PUBLISH 0x87, SUBSCRIBE 0x87 per filter.");
    }

    /** The acl claim the realm's hard-coded mapper puts into every device token. */
    private static String realmDeviceAcl(Path realmFile) throws IOException {
        for (String line : Files.readAllLines(realmFile)) {
            Matcher claim = CLAIM_VALUE.matcher(line);
            if (claim.matches() && claim.group(1).contains("\"pub")) {
                return claim.group(1).replace("\\\"", "\"");
            }
        }
        return "";
    }
}
