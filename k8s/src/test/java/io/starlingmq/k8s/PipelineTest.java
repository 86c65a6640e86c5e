package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.tekton.v1.Pipeline;
import io.fabric8.tekton.v1.PipelineRun;
import io.fabric8.tekton.v1.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** k8s/pipeline renders into the typed Tekton v1 model, and its tasks, params, workspaces and runs wire up. */
class PipelineTest {

    @Test
    void thePipelineIsTypedTektonAndWiresUp() {
        List<HasMetadata> objects = Manifests.render(Repo.PIPELINE);
        assertThat(objects).hasAtLeastOneElementOfType(Pipeline.class).hasAtLeastOneElementOfType(Task.class);
        assertThat(Manifests.strictFaults(objects)).isEmpty();
        assertThat(Pipelines.faults(objects)).isEmpty();
    }

    @Test
    void theExampleRunRunsThePipeline() {
        List<HasMetadata> runs = Manifests.render(Repo.PIPELINE.resolve("run"));
        assertThat(runs).hasAtLeastOneElementOfType(PipelineRun.class);
        assertThat(Manifests.strictFaults(runs)).isEmpty();
        assertThat(Pipelines.runFaults(runs, Manifests.render(Repo.PIPELINE))).isEmpty();
    }

    @Test
    void aMiswiredPipelineFails() {
        List<HasMetadata> broken = Manifests.parseFile(Repo.fixture("broken/pipeline/manifests.yaml"));
        assertThat(Manifests.strictFaults(broken)).isEmpty();
        assertThat(Pipelines.faults(broken)).containsExactlyInAnyOrder(
                "Pipeline starling task render: runAfter names tset, which is no task of the pipeline",
                "Pipeline starling task render: passes param overlays, which Task render does not declare",
                "Pipeline starling task render: does not pass param overlay, which Task render requires (no default)",
                "Pipeline starling task render: passes workspace src, which Task render does not declare",
                "Pipeline starling task test: references Task starling-test, which does not exist");
        assertThat(Pipelines.runFaults(broken, broken)).containsExactly(
                "PipelineRun starling-*: passes param overlayy, which Pipeline starling does not declare");
    }
}
