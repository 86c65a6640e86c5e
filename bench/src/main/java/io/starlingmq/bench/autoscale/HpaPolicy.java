package io.starlingmq.bench.autoscale;

import java.time.Duration;

/**
 * The HorizontalPodAutoscaler of {@code k8s/overlays/prod/hpa.yaml} for the gateways, on its Pods metric
 * {@code starling_gateway_connections} (AverageValue): replicas, the target, the sync period, the
 * tolerance, the scale-up policies (selectPolicy Max) and the scale-down stabilization window and policy.
 */
record HpaPolicy(int minReplicas, int maxReplicas, double targetPerPod, double tolerance, Duration syncPeriod,
                 Duration scaleUpStabilization, int scaleUpPercent, int scaleUpPods, Duration scaleUpPeriod,
                 Duration scaleDownStabilization, int scaleDownPods, Duration scaleDownPeriod) {

    /** The manifest's own values: 3-20 replicas, 12,000 connections a pod, the controller's 15 s and 10 %. */
    static final HpaPolicy MANIFEST = new HpaPolicy(3, 20, 12_000, 0.1, Duration.ofSeconds(15), Duration.ZERO, 100, 4,
            Duration.ofSeconds(30), Duration.ofSeconds(600), 1, Duration.ofSeconds(180));

    /**
     * The manifest's policy on this machine: every time divided by {@code speedUp}, a target a load
     * generator on the same two cores can reach, and the replicas a 2-core host can start.
     */
    HpaPolicy scaled(int speedUp, double target, int min, int max) {
        return new HpaPolicy(min, max, target, tolerance, syncPeriod.dividedBy(speedUp),
                scaleUpStabilization.dividedBy(speedUp), scaleUpPercent, scaleUpPods, scaleUpPeriod.dividedBy(speedUp),
                scaleDownStabilization.dividedBy(speedUp), scaleDownPods, scaleDownPeriod.dividedBy(speedUp));
    }
}
