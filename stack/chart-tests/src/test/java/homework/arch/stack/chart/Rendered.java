package homework.arch.stack.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/** What one render produced, as typed objects; the text is kept for whole-output checks. */
record Rendered(String text, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Rendered parse(String manifest) {
        List<HasMetadata> objects = Arrays.stream(manifest.split("(?m)^---\\s*$"))
                .filter(doc -> doc.lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#")))
                .map(doc -> SERIALIZATION.unmarshal(doc, HasMetadata.class))
                .toList();
        return new Rendered(manifest, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type.getSimpleName() + " " + name));
    }

    /** Pod templates of every Deployment and StatefulSet, by workload name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    /** The main container of a workload: the one named after its component (arch-users -> users). */
    Container container(String workload) {
        PodTemplateSpec pod = podTemplates().get(workload);
        if (pod == null) {
            throw new NoSuchElementException("no workload " + workload);
        }
        String component = workload.substring(Chart.RELEASE.length() + 1);
        return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(component)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no container " + component + " in " + workload));
    }

    static List<Container> allContainers(PodTemplateSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
        containers.addAll(pod.getSpec().getInitContainers());
        return containers;
    }

    static Stream<String> envNames(Container container) {
        return container.getEnv().stream().map(e -> e.getName());
    }
}
