package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.tekton.v1.Param;
import io.fabric8.tekton.v1.ParamSpec;
import io.fabric8.tekton.v1.Pipeline;
import io.fabric8.tekton.v1.PipelineRun;
import io.fabric8.tekton.v1.PipelineTask;
import io.fabric8.tekton.v1.Task;
import io.fabric8.tekton.v1.WorkspaceBinding;
import io.fabric8.tekton.v1.WorkspaceDeclaration;
import io.fabric8.tekton.v1.WorkspacePipelineTaskBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Tekton objects wire up: every task a pipeline references exists, every param and workspace a pipeline task
 * passes is declared by its task, every param a task requires (no default) is passed, runAfter names tasks of the same
 * pipeline; a PipelineRun names an existing Pipeline and passes only the params and workspaces it declares.
 */
final class Pipelines {
    private Pipelines() {}

    static List<String> faults(List<HasMetadata> objects) {
        List<String> faults = new ArrayList<>();
        Map<String, Task> tasks = objects.stream().filter(Task.class::isInstance).map(Task.class::cast)
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), Function.identity(), (a, b) -> a));
        List<Pipeline> pipelines = objects.stream().filter(Pipeline.class::isInstance).map(Pipeline.class::cast).toList();
        for (Pipeline p : pipelines) {
            String pid = "Pipeline " + p.getMetadata().getName();
            List<PipelineTask> all = Stream.concat(p.getSpec().getTasks().stream(), p.getSpec().getFinally().stream()).toList();
            Set<String> names = all.stream().map(PipelineTask::getName).collect(Collectors.toSet());
            for (PipelineTask pt : all) {
                String where = pid + " task " + pt.getName();
                pt.getRunAfter().stream().filter(r -> !names.contains(r))
                        .forEach(r -> faults.add(where + ": runAfter names " + r + ", which is no task of the pipeline"));
                if (pt.getTaskRef() == null) {
                    continue;
                }
                Task t = tasks.get(pt.getTaskRef().getName());
                if (t == null) {
                    faults.add(where + ": references Task " + pt.getTaskRef().getName() + ", which does not exist");
                    continue;
                }
                Set<String> declared = t.getSpec().getParams().stream().map(ParamSpec::getName).collect(Collectors.toSet());
                Set<String> passed = pt.getParams().stream().map(Param::getName).collect(Collectors.toSet());
                passed.stream().filter(n -> !declared.contains(n)).sorted().forEach(n -> faults.add(where
                        + ": passes param " + n + ", which Task " + t.getMetadata().getName() + " does not declare"));
                t.getSpec().getParams().stream().filter(ps -> ps.getDefault() == null && !passed.contains(ps.getName()))
                        .forEach(ps -> faults.add(where + ": does not pass param " + ps.getName() + ", which Task "
                                + t.getMetadata().getName() + " requires (no default)"));
                Set<String> ws = t.getSpec().getWorkspaces().stream().map(WorkspaceDeclaration::getName)
                        .collect(Collectors.toSet());
                pt.getWorkspaces().stream().map(WorkspacePipelineTaskBinding::getName).filter(n -> !ws.contains(n))
                        .forEach(n -> faults.add(where + ": passes workspace " + n + ", which Task "
                                + t.getMetadata().getName() + " does not declare"));
                Set<String> pipelineWs = p.getSpec().getWorkspaces().stream().map(w -> w.getName()).collect(Collectors.toSet());
                pt.getWorkspaces().stream().filter(b -> b.getWorkspace() != null && !pipelineWs.contains(b.getWorkspace()))
                        .forEach(b -> faults.add(where + ": binds workspace " + b.getName() + " to " + b.getWorkspace()
                                + ", which the pipeline does not declare"));
            }
        }
        return faults;
    }

    /** A PipelineRun against the pipelines it may run. */
    static List<String> runFaults(List<HasMetadata> runs, List<HasMetadata> pipelineObjects) {
        List<String> faults = new ArrayList<>();
        for (HasMetadata o : runs) {
            if (!(o instanceof PipelineRun run)) {
                continue;
            }
            String where = "PipelineRun " + (run.getMetadata().getName() != null ? run.getMetadata().getName()
                    : run.getMetadata().getGenerateName() + "*");
            String ref = run.getSpec().getPipelineRef() == null ? null : run.getSpec().getPipelineRef().getName();
            Pipeline p = pipelineObjects.stream().filter(Pipeline.class::isInstance).map(Pipeline.class::cast)
                    .filter(x -> x.getMetadata().getName().equals(ref)).findFirst().orElse(null);
            if (p == null) {
                faults.add(where + ": runs Pipeline " + ref + ", which does not exist");
                continue;
            }
            Set<String> params = p.getSpec().getParams().stream().map(ParamSpec::getName).collect(Collectors.toSet());
            run.getSpec().getParams().stream().map(Param::getName).filter(n -> !params.contains(n))
                    .forEach(n -> faults.add(where + ": passes param " + n + ", which Pipeline " + ref + " does not declare"));
            Set<String> passed = run.getSpec().getParams().stream().map(Param::getName).collect(Collectors.toSet());
            p.getSpec().getParams().stream().filter(ps -> ps.getDefault() == null && !passed.contains(ps.getName()))
                    .forEach(ps -> faults.add(where + ": does not pass param " + ps.getName() + ", which Pipeline " + ref
                            + " requires"));
            Set<String> ws = p.getSpec().getWorkspaces().stream().map(w -> w.getName()).collect(Collectors.toSet());
            run.getSpec().getWorkspaces().stream().map(WorkspaceBinding::getName).filter(n -> !ws.contains(n))
                    .forEach(n -> faults.add(where + ": binds workspace " + n + ", which Pipeline " + ref + " does not declare"));
        }
        return faults;
    }
}
