package io.starlingmq.bench.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policy the autoscale bench applies is the prod overlay's gateway HPA, not a copy that drifted. */
class HpaPolicyTest {

    @Test
    void theManifestPolicyIsTheProdOverlaysGatewayHpa() throws Exception {
        String hpa = Files.readString(Path.of("../k8s/overlays/prod/hpa.yaml"));
        String gateway = hpa.substring(0, hpa.indexOf("\n---"));
        HpaPolicy p = HpaPolicy.MANIFEST;
        assertThat(gateway).contains("name: starling_gateway_connections")
                .contains("averageValue: \"" + (long) p.targetPerPod() + "\"")
                .contains("minReplicas: " + p.minReplicas()).contains("maxReplicas: " + p.maxReplicas());
        String up = gateway.substring(gateway.indexOf("scaleUp:"), gateway.indexOf("scaleDown:"));
        assertThat(up).contains("stabilizationWindowSeconds: " + p.scaleUpStabilization().toSeconds())
                .contains("selectPolicy: Max")
                .contains("type: Percent\n        value: " + p.scaleUpPercent() + "\n        periodSeconds: "
                        + p.scaleUpPeriod().toSeconds())
                .contains("type: Pods\n        value: " + p.scaleUpPods() + "\n        periodSeconds: "
                        + p.scaleUpPeriod().toSeconds());
        String down = gateway.substring(gateway.indexOf("scaleDown:"));
        assertThat(down).contains("stabilizationWindowSeconds: " + p.scaleDownStabilization().toSeconds())
                .contains("type: Pods\n        value: " + p.scaleDownPods() + "\n        periodSeconds: "
                        + p.scaleDownPeriod().toSeconds());
    }
}
