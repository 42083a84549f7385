package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Debezium Server in the cluster runs outbox-relay/application.properties itself, byte for byte,
 * at the path the image reads, with its offsets on a volume that outlives the pod.
 */
class OutboxRelayConfigTest {

    private static final Path CANONICAL = Path.of("outbox-relay/application.properties");

    @Test
    void theConfigMapHoldsTheRelayConfigurationByteForByte() throws IOException {
        byte[] canonical = Files.readAllBytes(RepoRoot.resolve(CANONICAL.toString()));
        ConfigMap config = Chart.render().named(ConfigMap.class, "arch-outbox-relay");
        String rendered = config.getData().get("outbox-relay.properties");
        assertThat(rendered.getBytes(StandardCharsets.UTF_8), is(canonical));
    }

    @Test
    void theChartReadsTheCanonicalFileNotACopy() throws IOException {
        Path inChart = RepoRoot.resolve("helm/files/outbox-relay.properties");
        assertThat(inChart + " must be a link, not a second copy", Files.isSymbolicLink(inChart), is(true));
        assertThat(inChart.toRealPath(), is(RepoRoot.resolve(CANONICAL.toString()).toRealPath()));
    }

    @Test
    void theConfigurationIsMountedWhereTheImageReadsIt() {
        Rendered rendered = Chart.render();
        PodSpec pod = rendered.podTemplates().get("arch-outbox-relay").getSpec();
        Container relay = rendered.container("arch-outbox-relay");
        VolumeMount mount = mountAt(relay, "/debezium/config");
        Volume volume = volume(pod, mount.getName());
        assertThat(volume.getConfigMap().getName(), is("arch-outbox-relay"));
        KeyToPath item = volume.getConfigMap().getItems().getFirst();
        assertThat(item.getKey(), is("outbox-relay.properties"));
        assertThat(item.getPath(), is("application.properties"));
    }

    @Test
    void offsetsLiveOnAPersistentVolumeKeptAcrossReinstalls() {
        Rendered rendered = Chart.render();
        PodSpec pod = rendered.podTemplates().get("arch-outbox-relay").getSpec();
        VolumeMount mount = mountAt(rendered.container("arch-outbox-relay"), "/debezium/data");
        String claim = volume(pod, mount.getName()).getPersistentVolumeClaim().getClaimName();
        PersistentVolumeClaim pvc = rendered.named(PersistentVolumeClaim.class, claim);
        assertThat(pvc.getMetadata().getAnnotations().get("helm.sh/resource-policy"), is("keep"));
    }

    private static VolumeMount mountAt(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }
}
