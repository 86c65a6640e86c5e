package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session store's Redis as a suite runs it, and whether the routers are configured for that form. Redis
 * containers (an image named redis) are told apart by what they run, from their command, args and mounted ConfigMap
 * files: Sentinels ({@code --sentinel}), cluster nodes ({@code cluster-enabled yes}), the one-shot maker of a cluster
 * ({@code redis-cli --cluster create}) and plain servers. The form follows: a cluster where cluster nodes run, Sentinel
 * where Sentinels do, else one standalone server. Each form has its rules (see {@link #faults}); an empty list is a
 * pass.
 */
final class RedisForm {
    enum Kind {
        STANDALONE("standalone", "a single Redis server"),
        CLUSTER("cluster", "a Redis Cluster"),
        SENTINEL("sentinel", "a Sentinel-managed Redis");

        /** The value of quarkus.redis.client-type for this form. */
        final String clientType;
        final String description;

        Kind(String clientType, String description) {
            this.clientType = clientType;
            this.description = description;
        }
    }

    enum Role {
        SERVER, CLUSTER_NODE, SENTINEL, CLUSTER_CREATOR
    }

    /** A Redis container of a workload, what it runs, and its text (command, args, mounted ConfigMap files). */
    record Member(Suite.Workload workload, Container container, Role role, String text) {
        String where() {
            return workload.id() + " container " + container.getName();
        }

        /** The port it serves clients on: --port or a config line "port N", else Redis's default for its role. */
        int clientPort() {
            Matcher m = PORT.matcher(text);
            return m.find() ? Integer.parseInt(m.group(1)) : role == Role.SENTINEL ? 26379 : 6379;
        }
    }

    private static final Pattern PORT = Pattern.compile("(?m)(?:--port\\s+|^\\s*port\\s+)\"?(\\d+)");
    private static final Pattern SENTINEL_FLAG = Pattern.compile("(?:^|\\s)--sentinel(?:\\s|$)");
    private static final Pattern CLUSTER_ENABLED = Pattern.compile("cluster-enabled\\s+\"?yes");
    private static final Pattern CLUSTER_CREATE = Pattern.compile("--cluster\\s+create(?:\\s|$)");
    private static final Pattern CLUSTER_REPLICAS = Pattern.compile("--cluster-replicas\\s+(\\S+)");
    private static final Pattern MONITOR = Pattern.compile("sentinel\\s+monitor\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+(\\S+)");
    private static final Pattern VARIABLE = Pattern.compile("\"?\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?\"?");
    private static final Pattern ENTRY = Pattern.compile("(?:rediss?://)?(?:[^@/\\s]*@)?([^:/\\s]+):(\\d+)/?");

    private final Suite suite;
    final List<Member> members;
    /** Null when the suite runs no Redis server at all (fixtures of other checks). */
    final Kind kind;

    private RedisForm(Suite suite, List<Member> members, Kind kind) {
        this.suite = suite;
        this.members = members;
        this.kind = kind;
    }

    static RedisForm of(Suite s) {
        List<Member> members = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                if (!App.repositoryName(c.getImage()).contains("redis")) {
                    continue;
                }
                String text = text(s, w, c);
                Role role;
                if (CLUSTER_CREATE.matcher(text).find()) {
                    role = Role.CLUSTER_CREATOR;
                } else if (SENTINEL_FLAG.matcher(text).find()
                        || (!c.getCommand().isEmpty() && c.getCommand().get(0).endsWith("redis-sentinel"))) {
                    role = Role.SENTINEL;
                } else if (CLUSTER_ENABLED.matcher(text).find()) {
                    role = Role.CLUSTER_NODE;
                } else if (c.getCommand().isEmpty() || text.contains("redis-server")) {
                    role = Role.SERVER;
                } else {
                    continue; // a Redis image running something else (a client)
                }
                members.add(new Member(w, c, role, text));
            }
        }
        boolean nodes = members.stream().anyMatch(m -> m.role() == Role.CLUSTER_NODE);
        boolean sentinels = members.stream().anyMatch(m -> m.role() == Role.SENTINEL);
        boolean servers = members.stream().anyMatch(m -> m.role() == Role.SERVER);
        Kind kind = nodes ? Kind.CLUSTER : sentinels ? Kind.SENTINEL : servers ? Kind.STANDALONE : null;
        return new RedisForm(s, members, kind);
    }

    List<Member> all(Role role) {
        return members.stream().filter(m -> m.role() == role).toList();
    }

    /** The workload holding the data: the cluster's nodes, else the (first) server. */
    Optional<Suite.Workload> dataWorkload() {
        List<Member> holders = all(kind == Kind.CLUSTER ? Role.CLUSTER_NODE : Role.SERVER);
        return holders.isEmpty() ? Optional.empty() : Optional.of(holders.get(0).workload());
    }

    Optional<Suite.Workload> workload(Role role) {
        List<Member> m = all(role);
        return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0).workload());
    }

    /**
     * The rules of the form. The routers (starling.router.store=redis): quarkus.redis.client-type is the form's;
     * quarkus.redis.hosts names the single server (a Service of it on a port that reaches its client port, or its
     * pods), every cluster node, or every Sentinel, each pod as {@code <statefulset>-N.<serviceName>:<port>};
     * Sentinel: quarkus.redis.master-name is the name the Sentinels monitor and quarkus.redis.role is master;
     * starling.router.redis.wait-replicas is 0 on a single server (no replica would ever confirm a write) and between 1
     * and the replicas a primary has otherwise (0 lets a failover lose acknowledged messages, more than there are
     * fails every write). The Redis: standalone, one server with one pod; a cluster, nodes in one StatefulSet and no
     * standalone server beside them, a Job that makes the cluster, enough nodes for 3 primaries with their replicas; a
     * Sentinel group, one server StatefulSet of at least 2 pods (the single Redis become a primary with replicas) and
     * at least 3 Sentinels with a majority quorum. In both replicated forms every Redis StatefulSet has a headless
     * governing Service (the pods' names), keeps its pods on separate nodes (required pod anti-affinity on
     * kubernetes.io/hostname) and has a PodDisruptionBudget allowing at most one pod down; every list of a Redis
     * StatefulSet's pods a Redis container is given in its environment names all of them.
     */
    static List<String> faults(Suite s) {
        RedisForm f = of(s);
        List<String> faults = new ArrayList<>();
        if (f.kind == null) {
            return faults;
        }
        if (!f.all(Role.CLUSTER_NODE).isEmpty() && !f.all(Role.SENTINEL).isEmpty()) {
            faults.add(s.source + ": runs Redis Cluster nodes (" + f.all(Role.CLUSTER_NODE).get(0).workload().id()
                    + ") and Sentinels (" + f.all(Role.SENTINEL).get(0).workload().id() + "); the store uses one form");
            return faults;
        }
        switch (f.kind) {
            case STANDALONE -> f.standalone(faults);
            case CLUSTER -> f.cluster(faults);
            case SENTINEL -> f.sentinel(faults);
        }
        // The form's own StatefulSets (a leftover single Redis is reported as such, not as a bad replica set).
        Set<Role> replicatedRoles = switch (f.kind) {
            case STANDALONE -> Set.of();
            case CLUSTER -> Set.of(Role.CLUSTER_NODE);
            case SENTINEL -> Set.of(Role.SERVER, Role.SENTINEL);
        };
        f.perWorkload().stream().filter(m -> replicatedRoles.contains(m.role())).forEach(m -> f.replicated(m, faults));
        f.podLists(faults);
        f.router(faults);
        return faults;
    }

    private void standalone(List<String> faults) {
        List<Member> servers = all(Role.SERVER);
        if (servers.size() > 1) {
            faults.add(suite.source + ": " + servers.size() + " standalone Redis servers run ("
                    + String.join(", ", servers.stream().map(m -> m.workload().id()).toList())
                    + "); the routers use one store");
        }
        for (Member m : servers) {
            if (m.workload().replicas() > 1) {
                faults.add(m.workload().id() + ": runs " + m.workload().replicas() + " standalone Redis servers, which do"
                        + " not replicate each other: each would be a store of its own");
            }
        }
    }

    private void cluster(List<String> faults) {
        Member node = all(Role.CLUSTER_NODE).get(0);
        for (Member m : all(Role.SERVER)) {
            faults.add(m.workload().id() + ": runs a standalone Redis beside the cluster of " + node.workload().id()
                    + "; the single Redis must go (or become the cluster)");
        }
        all(Role.CLUSTER_NODE).stream().map(Member::workload).distinct().skip(1).forEach(w -> faults.add(w.id()
                + ": runs cluster nodes beside " + node.workload().id() + "; one StatefulSet holds them all"));
        if (!(node.workload().object() instanceof StatefulSet)) {
            faults.add(node.workload().id() + ": runs the cluster nodes, which need stable names and volumes: a"
                    + " StatefulSet");
        }
        List<Member> creators = all(Role.CLUSTER_CREATOR);
        if (creators.isEmpty()) {
            faults.add(suite.source + ": nothing makes the cluster of " + node.workload().id()
                    + " (a Job running redis-cli --cluster create)");
            return;
        }
        Integer perPrimary = replicasPerPrimary(creators.get(0));
        if (perPrimary == null) {
            faults.add(creators.get(0).where() + ": gives redis-cli --cluster create no --cluster-replicas it could be"
                    + " resolved to a number");
            return;
        }
        int n = node.workload().replicas();
        int group = perPrimary + 1;
        if (n < 3 * group || n % group != 0) {
            faults.add(node.workload().id() + ": runs " + n + " cluster nodes, but 3 or more primaries with "
                    + perPrimary + (perPrimary == 1 ? " replica" : " replicas") + " each (--cluster-replicas of "
                    + creators.get(0).workload().id() + ") need a multiple of " + group + ", at least " + 3 * group);
        }
    }

    private void sentinel(List<String> faults) {
        List<Member> servers = all(Role.SERVER);
        if (servers.isEmpty()) {
            faults.add(suite.source + ": runs Sentinels but no Redis server for them to monitor");
        }
        servers.stream().map(Member::workload).distinct().skip(1).forEach(w -> faults.add(w.id()
                + ": runs Redis servers beside " + servers.get(0).workload().id() + "; the Sentinels monitor one group"));
        for (Member m : servers.stream().limit(1).toList()) {
            if (!(m.workload().object() instanceof StatefulSet) || m.workload().replicas() < 2) {
                faults.add(m.workload().id() + ": runs " + m.workload().replicas() + " Redis server"
                        + (m.workload().replicas() == 1 ? "" : "s") + " for the Sentinels, which fail over to a replica:"
                        + " it needs a primary and replicas (a StatefulSet of at least 2)");
            }
        }
        Member sentinel = all(Role.SENTINEL).get(0);
        int n = sentinel.workload().replicas();
        if (!(sentinel.workload().object() instanceof StatefulSet) || n < 3) {
            faults.add(sentinel.workload().id() + ": runs " + n + (n == 1 ? " Sentinel" : " Sentinels") + ", but a failover"
                    + " needs a majority of them, so that one's loss still leaves one: at least 3, in a StatefulSet");
        }
        Matcher monitor = MONITOR.matcher(sentinel.text());
        if (!monitor.find()) {
            faults.add(sentinel.where() + ": monitors no primary (no \"sentinel monitor\" line)");
            return;
        }
        String quorum = resolve(sentinel, monitor.group(2));
        if (quorum == null || !quorum.matches("\\d+")) {
            faults.add(sentinel.where() + ": its quorum " + monitor.group(2) + " does not resolve to a number");
        } else if (Integer.parseInt(quorum) <= n / 2 || Integer.parseInt(quorum) > n) {
            faults.add(sentinel.where() + ": quorum " + quorum + " of " + n + " Sentinels: "
                    + (Integer.parseInt(quorum) > n ? "more than run, so no failover would ever start"
                            : "fewer than a majority, so a minority's view alone would mark the primary down")
                    + "; use " + (n / 2 + 1));
        }
    }

    /** A Redis StatefulSet of a replicated form: headless governing Service, one pod per node, a PodDisruptionBudget. */
    private void replicated(Member m, List<String> faults) {
        Suite.Workload w = m.workload();
        if (!(w.object() instanceof StatefulSet st)) {
            return; // reported by the form's rules
        }
        String what = switch (m.role()) {
            case CLUSTER_NODE -> "a primary together with its replica";
            case SENTINEL -> "two Sentinels' votes";
            default -> "two copies of the data";
        };
        if (governingService(st).isEmpty()) {
            faults.add(w.id() + ": serviceName " + st.getSpec().getServiceName() + " is no headless Service selecting its"
                    + " pods, so the names " + st.getMetadata().getName() + "-N." + st.getSpec().getServiceName()
                    + " the Redis pods and the routers use do not resolve");
        }
        var affinity = w.template().getSpec().getAffinity();
        List<PodAffinityTerm> terms = affinity == null || affinity.getPodAntiAffinity() == null ? List.of()
                : affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        boolean spread = terms.stream().anyMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey())
                && t.getLabelSelector() != null && Suite.matches(t.getLabelSelector(), w.podLabels())
                && (t.getNamespaces() == null || t.getNamespaces().isEmpty()) && t.getNamespaceSelector() == null);
        if (!spread) {
            faults.add(w.id() + ": does not keep its pods on separate nodes (a required pod anti-affinity on"
                    + " kubernetes.io/hostname selecting them), so one node's loss could take " + what);
        }
        List<PodDisruptionBudget> budgets = suite.all(PodDisruptionBudget.class).stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), w.namespace())
                        && p.getSpec().getSelector() != null && Suite.matches(p.getSpec().getSelector(), w.podLabels()))
                .toList();
        if (budgets.isEmpty()) {
            faults.add(w.id() + ": no PodDisruptionBudget covers its pods, so a drain could take " + what + " at once");
        }
        for (PodDisruptionBudget p : budgets) {
            int down = allowedDown(p, w.replicas());
            if (down > 1) {
                faults.add(Manifests.id(p) + ": lets " + down + " pods of " + w.id() + " be down at once, which could be "
                        + what + "; at most 1 (maxUnavailable: 1)");
            }
        }
    }

    /** Pods of W a budget lets be unavailable together (percentages rounded up, as the disruption controller does). */
    private static int allowedDown(PodDisruptionBudget p, int replicas) {
        IntOrString max = p.getSpec().getMaxUnavailable();
        IntOrString min = p.getSpec().getMinAvailable();
        if (max != null) {
            return count(max, replicas);
        }
        if (min != null) {
            return replicas - count(min, replicas);
        }
        return replicas;
    }

    private static int count(IntOrString v, int replicas) {
        if (v.getIntVal() != null) {
            return v.getIntVal();
        }
        int percent = Integer.parseInt(v.getStrVal().replace("%", ""));
        return (int) Math.ceil(percent * replicas / 100.0);
    }

    /** The headless Service named by a StatefulSet's serviceName that selects its pods. */
    private Optional<Service> governingService(StatefulSet st) {
        return suite.find(Service.class, st.getMetadata().getNamespace(), st.getSpec().getServiceName())
                .filter(svc -> "None".equals(svc.getSpec().getClusterIP()) && svc.getSpec().getSelector() != null
                        && !svc.getSpec().getSelector().isEmpty() && st.getSpec().getTemplate().getMetadata() != null
                        && Suite.matches(svc.getSpec().getSelector(), st.getSpec().getTemplate().getMetadata().getLabels()));
    }

    /**
     * Every environment value of a Redis container naming pods of a Redis StatefulSet (its own peers, the servers, the
     * Sentinels, the nodes the Job joins) names all of them, with their client port, and nothing else of theirs.
     */
    private void podLists(List<String> faults) {
        for (Member m : members) {
            Map<String, String> env = suite.config(m.workload(), m.container()).env();
            env.forEach((name, value) -> {
                if (value != null) {
                    podList(m.where() + ": " + name, value, faults);
                }
            });
        }
    }

    /** Checks VALUE, a list of host:port entries, against every Redis StatefulSet whose pods it names. */
    private void podList(String what, String value, List<String> faults) {
        for (Member target : perWorkload()) {
            if (!(target.workload().object() instanceof StatefulSet st) || target.role() == Role.CLUSTER_CREATOR) {
                continue;
            }
            Pattern pod = Pattern.compile(Pattern.quote(st.getMetadata().getName()) + "-\\d+\\."
                    + Pattern.quote(st.getSpec().getServiceName()));
            List<String> entries = entries(value).stream().map(e -> shortForm(e, target.workload().namespace()))
                    .filter(e -> pod.matcher(e.substring(0, e.lastIndexOf(':'))).matches()).toList();
            if (entries.isEmpty()) {
                continue;
            }
            List<String> expected = pods(target);
            if (!new LinkedHashSet<>(entries).equals(new LinkedHashSet<>(expected)) || entries.size() != expected.size()) {
                faults.add(what + " names " + String.join(",", entries) + ", but " + target.workload().id() + " runs "
                        + expected.size() + (expected.size() == 1 ? " pod" : " pods") + ", so it must name "
                        + String.join(",", expected));
            }
        }
    }

    /** The first Redis container of each workload. */
    private List<Member> perWorkload() {
        Map<String, Member> first = new LinkedHashMap<>();
        members.forEach(m -> first.putIfAbsent(m.workload().id(), m));
        return List.copyOf(first.values());
    }

    /** STATEFULSET-N.SERVICE:PORT for every pod of a member's StatefulSet. */
    private static List<String> pods(Member m) {
        StatefulSet st = (StatefulSet) m.workload().object();
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < m.workload().replicas(); i++) {
            pods.add(st.getMetadata().getName() + "-" + i + "." + st.getSpec().getServiceName() + ":" + m.clientPort());
        }
        return pods;
    }

    private void router(List<String> faults) {
        Optional<Suite.Workload> rw = suite.workload(App.ROUTER);
        if (rw.isEmpty()) {
            return;
        }
        Container c = rw.get().containers().stream().filter(x -> App.of(x) == App.ROUTER).findFirst().orElseThrow();
        Suite.ContainerConfig cfg = suite.config(rw.get(), c);
        String where = rw.get().id() + " container " + c.getName() + ": ";
        if (!"redis".equalsIgnoreCase(Ports.value(App.ROUTER, cfg, "starling.router.store").orElse("memory"))) {
            return; // the routers keep their state in memory and never connect to Redis
        }
        String clientType = Ports.value(App.ROUTER, cfg, "quarkus.redis.client-type").orElse("standalone")
                .toLowerCase(Locale.ROOT);
        if (!clientType.equals(kind.clientType)) {
            faults.add(where + "quarkus.redis.client-type is " + clientType + ", but the suite's Redis is "
                    + kind.description + ", so it must be " + kind.clientType);
        }
        String hosts = Ports.value(App.ROUTER, cfg, "quarkus.redis.hosts").orElse("");
        routerHosts(where, hosts, faults);
        int wait;
        String waitValue = Ports.value(App.ROUTER, cfg, "starling.router.redis.wait-replicas").orElse("0");
        try {
            wait = Integer.parseInt(waitValue.strip());
        } catch (NumberFormatException e) {
            faults.add(where + "starling.router.redis.wait-replicas is " + waitValue + ", not a number");
            return;
        }
        Integer available = switch (kind) {
            case STANDALONE -> 0;
            case CLUSTER -> all(Role.CLUSTER_CREATOR).isEmpty() ? null : replicasPerPrimary(all(Role.CLUSTER_CREATOR).get(0));
            case SENTINEL -> all(Role.SERVER).isEmpty() ? null : all(Role.SERVER).get(0).workload().replicas() - 1;
        };
        if (kind == Kind.STANDALONE && wait != 0) {
            faults.add(where + "starling.router.redis.wait-replicas is " + wait + ", but a single Redis has no replica to"
                    + " confirm a write, so every write would fail after starling.router.redis.wait-timeout; set 0");
        } else if (kind != Kind.STANDALONE && wait < 1) {
            faults.add(where + "starling.router.redis.wait-replicas is " + wait + " on " + kind.description + ": a write"
                    + " its primary acknowledged but no replica had yet is lost when that primary fails; set 1");
        } else if (available != null && wait > available) {
            faults.add(where + "starling.router.redis.wait-replicas is " + wait + ", but each primary has " + available
                    + (available == 1 ? " replica" : " replicas") + ", so no write would ever complete");
        }
        if (kind == Kind.SENTINEL && !all(Role.SENTINEL).isEmpty()) {
            Member sentinel = all(Role.SENTINEL).get(0);
            Matcher monitor = MONITOR.matcher(sentinel.text());
            String monitored = monitor.find() ? resolve(sentinel, monitor.group(1)) : null;
            Optional<String> master = Ports.value(App.ROUTER, cfg, "quarkus.redis.master-name");
            if (master.isEmpty() || master.get().isBlank()) {
                faults.add(where + "sets no quarkus.redis.master-name, the name the Sentinels are asked for the primary by"
                        + (monitored == null ? "" : " (" + monitored + ")"));
            } else if (monitored != null && !master.get().equals(monitored)) {
                faults.add(where + "quarkus.redis.master-name is " + master.get() + ", but the Sentinels of "
                        + sentinel.workload().id() + " monitor the primary as " + monitored);
            }
            String role = Ports.value(App.ROUTER, cfg, "quarkus.redis.role").orElse("master");
            if (!role.equalsIgnoreCase("master")) {
                faults.add(where + "quarkus.redis.role is " + role + ", but the routers write, so it must be master");
            }
        }
    }

    private void routerHosts(String where, String hosts, List<String> faults) {
        List<String> entries = entries(hosts);
        if (entries.isEmpty()) {
            faults.add(where + "quarkus.redis.hosts names no Redis (redis://host:port)");
            return;
        }
        if (kind == Kind.STANDALONE) {
            Member server = all(Role.SERVER).get(0);
            for (String e : entries) {
                String shortEntry = shortForm(e, server.workload().namespace());
                if (!reachesServer(shortEntry, server)) {
                    faults.add(where + "quarkus.redis.hosts names " + e + ", which is neither a Service of "
                            + server.workload().id() + " on a port reaching its " + server.clientPort()
                            + " nor one of its pods");
                }
            }
            return;
        }
        Member target = all(kind == Kind.CLUSTER ? Role.CLUSTER_NODE : Role.SENTINEL).get(0);
        if (!(target.workload().object() instanceof StatefulSet)) {
            return; // reported by the form's rules
        }
        List<String> expected = pods(target);
        List<String> listed = entries.stream().map(e -> shortForm(e, target.workload().namespace())).toList();
        if (listed.size() != expected.size() || !new LinkedHashSet<>(listed).equals(new LinkedHashSet<>(expected))) {
            faults.add(where + "quarkus.redis.hosts is " + hosts + ", but " + target.workload().id() + " runs "
                    + expected.size() + (kind == Kind.CLUSTER ? " cluster nodes" : " Sentinels") + ", so it must name "
                    + String.join(",", expected.stream().map(p -> "redis://" + p).toList()));
        }
    }

    /** Whether HOST:PORT reaches the standalone server: a Service of it, by a port targeting its client port, or a pod. */
    private boolean reachesServer(String entry, Member server) {
        String host = entry.substring(0, entry.lastIndexOf(':'));
        int port = Integer.parseInt(entry.substring(entry.lastIndexOf(':') + 1));
        Suite.Workload w = server.workload();
        for (Service svc : suite.all(Service.class)) {
            if (!Objects.equals(svc.getMetadata().getNamespace(), w.namespace()) || !svc.getMetadata().getName().equals(host)
                    || svc.getSpec().getSelector() == null || svc.getSpec().getSelector().isEmpty()
                    || !Suite.matches(svc.getSpec().getSelector(), w.podLabels())) {
                continue;
            }
            for (ServicePort p : svc.getSpec().getPorts()) {
                IntOrString target = p.getTargetPort() != null ? p.getTargetPort() : new IntOrString(p.getPort());
                Integer resolved = Invariants.resolvePort(server.container(), target);
                if (p.getPort() == port && resolved != null && resolved == server.clientPort()) {
                    return true;
                }
            }
        }
        return w.object() instanceof StatefulSet && pods(server).contains(entry);
    }

    /** The replicas per primary a cluster maker asks for (--cluster-replicas, a variable resolved), or null. */
    private Integer replicasPerPrimary(Member creator) {
        Matcher m = CLUSTER_REPLICAS.matcher(creator.text());
        String v = m.find() ? resolve(creator, m.group(1)) : null;
        return v != null && v.matches("\\d+") ? Integer.parseInt(v) : null;
    }

    /** A token of a member's text: as written, or the value of the environment variable it is ($X, ${X}, "$X"). */
    private String resolve(Member m, String token) {
        Matcher v = VARIABLE.matcher(token);
        if (v.matches()) {
            return suite.config(m.workload(), m.container()).env().get(v.group(1));
        }
        return token.replace("\"", "").replace("'", "");
    }

    /** The host:port entries of a list (commas or blanks between them, redis:// and credentials dropped). */
    static List<String> entries(String list) {
        List<String> entries = new ArrayList<>();
        for (String token : list.split("[,\\s]+")) {
            Matcher m = ENTRY.matcher(token.strip());
            if (m.matches()) {
                entries.add(m.group(1) + ":" + m.group(2));
            }
        }
        return entries;
    }

    /** name.svc.NS.svc.cluster.local:port as name.svc:port (the names a pod of NS resolves alike). */
    static String shortForm(String entry, String namespace) {
        String ns = namespace == null ? NetworkFlows.NAMESPACE_WHEN_UNSET : namespace;
        int colon = entry.lastIndexOf(':');
        String host = entry.substring(0, colon);
        for (String suffix : List.of("." + ns + ".svc.cluster.local", "." + ns + ".svc", "." + ns)) {
            if (host.endsWith(suffix)) {
                host = host.substring(0, host.length() - suffix.length());
                break;
            }
        }
        return host + entry.substring(colon);
    }

    /** Command, args and the files of every ConfigMap the container mounts: where Redis's settings are. */
    private static String text(Suite s, Suite.Workload w, Container c) {
        StringBuilder b = new StringBuilder();
        c.getCommand().forEach(x -> b.append(x).append('\n'));
        c.getArgs().forEach(x -> b.append(x).append('\n'));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        w.template().getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
        c.getVolumeMounts().forEach(mount -> {
            Volume v = volumes.get(mount.getName());
            if (v != null && v.getConfigMap() != null) {
                s.find(ConfigMap.class, w.namespace(), v.getConfigMap().getName())
                        .ifPresent(cm -> Suite.data(cm).values().forEach(x -> b.append(x).append('\n')));
            }
        });
        return b.toString();
    }
}
