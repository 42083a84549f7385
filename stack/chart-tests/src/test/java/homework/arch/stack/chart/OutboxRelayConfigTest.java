package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.fabric8.kubernetes.api.model.ConfigMap;
import homework.arch.stack.fixtures.DebeziumServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Debezium Server in the cluster runs outbox-relay/application.properties itself, byte for byte,
 * at the path the image reads, with its offsets on a volume that outlives the pod; and serves its
 * metrics with outbox-relay/metrics.yml, the exporter configuration the local stack uses.
 */
class OutboxRelayConfigTest {

    private static final Path CANONICAL = Path.of("outbox-relay/application.properties");
    private static final Path METRICS = Path.of("outbox-relay/metrics.yml");

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
        KeyToPath item = volume.getConfigMap().getItems().stream()
                .filter(i -> i.getKey().equals("outbox-relay.properties")).findFirst().orElseThrow();
        assertThat(item.getPath(), is("application.properties"));
    }

    @Test
    void theExporterConfigurationIsTheOneTheLocalStackUsesByteForByte() throws IOException {
        byte[] canonical = Files.readAllBytes(RepoRoot.resolve(METRICS.toString()));
        ConfigMap config = Chart.render().named(ConfigMap.class, "arch-outbox-relay");
        assertThat(config.getData().get("outbox-relay-metrics.yml").getBytes(StandardCharsets.UTF_8), is(canonical));
        Path inChart = RepoRoot.resolve("helm/files/outbox-relay-metrics.yml");
        assertThat(inChart + " must be a link, not a second copy", Files.isSymbolicLink(inChart), is(true));
        assertThat(inChart.toRealPath(), is(RepoRoot.resolve(METRICS.toString()).toRealPath()));
        assertThat("the local stack's relay", DebeziumServer.metricsConfiguration().toRealPath(), is(inChart.toRealPath()));
    }

    @Test
    void theImagesRunShStartsTheExporterOnThePortMetricsWithThatConfiguration() {
        Rendered rendered = Chart.render();
        PodSpec pod = rendered.podTemplates().get("arch-outbox-relay").getSpec();
        Container relay = rendered.container("arch-outbox-relay");
        Map<String, String> env = relay.getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue,
                (a, b) -> a));
        ContainerPort metrics = relay.getPorts().stream().filter(p -> p.getName().equals("metrics")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named metrics"));
        assertThat(env.get("JMX_EXPORTER_PORT"), is(String.valueOf(metrics.getContainerPort())));
        String exporterConfig = env.get("JMX_EXPORTER_CONFIG");
        VolumeMount mount = mountAt(relay, "/debezium/config");
        KeyToPath item = volume(pod, mount.getName()).getConfigMap().getItems().stream()
                .filter(i -> i.getKey().equals("outbox-relay-metrics.yml")).findFirst().orElseThrow();
        assertThat(exporterConfig, is(mount.getMountPath() + "/" + item.getPath()));
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
