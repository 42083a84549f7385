package homework.arch.stack.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the chart runs for one service, read from its rendered Deployment: the main container's
 * image, user, file system, environment, limits, port and probes, as the container rehearsal
 * needs them. Nothing here is typed again: a change to the chart changes what the rehearsal runs.
 */
public record ServiceContainer(String service, String image, String pullPolicy, long user, long group,
                               boolean readOnlyRoot, boolean noNewPrivileges, List<String> dropCapabilities,
                               Map<String, Long> emptyDirs, List<Env> env, Long memoryLimitBytes,
                               BigDecimal cpuLimit, int port, HttpProbe startup, HttpProbe liveness,
                               HttpProbe readiness) {

    /** An environment variable: a literal value, or a key of the chart's generated Secret. */
    public record Env(String name, String value, String secretKey) {
    }

    /** An HTTP probe; the port is the container port its name stands for. */
    public record HttpProbe(String path, int port, int periodSeconds, int failureThreshold) {
    }

    /** The chart rendered with its defaults, as {@code helm install arch ./helm -n arch} would. */
    public static Render render() {
        return new Render(Chart.render(Map.of()));
    }

    /** As the chart renders it with {@code --set style=<style>}. */
    public static Render render(String style) {
        return new Render(Chart.render(Map.of("style", style)));
    }

    /** One render of the chart: the services' containers and the in-cluster addresses. */
    public static final class Render {

        private final Rendered rendered;

        private Render(Rendered rendered) {
            this.rendered = rendered;
        }

        /** The main container of {@code service}'s Deployment (arch-users for users). */
        public ServiceContainer service(String service) {
            Deployment deployment = rendered.named(Deployment.class, namePrefix() + service);
            return of(service, deployment.getSpec().getTemplate().getSpec());
        }

        /** The chart's Services by name (arch-postgres, arch-billing, ...), each with its ports. */
        public Map<String, List<Integer>> servicePorts() {
            Map<String, List<Integer>> ports = new LinkedHashMap<>();
            for (Service s : rendered.all(Service.class)) {
                ports.put(s.getMetadata().getName(), s.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
            }
            return ports;
        }

        /** The prefix of the release's object names ("arch-"); the component follows it. */
        public String namePrefix() {
            return Chart.RELEASE + "-";
        }
    }

    static ServiceContainer of(String service, PodSpec pod) {
        Container c = pod.getContainers().stream().filter(x -> x.getName().equals(service)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no container " + service));
        SecurityContext sc = c.getSecurityContext();
        var podSc = pod.getSecurityContext();
        Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : podSc.getRunAsUser();
        Long group = sc.getRunAsGroup() != null ? sc.getRunAsGroup() : podSc.getRunAsGroup();
        boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot()) || Boolean.TRUE.equals(podSc.getRunAsNonRoot());
        if (user == null || group == null || (nonRoot && user == 0)) {
            throw new IllegalStateException(service + ": the chart names no non-root user and group");
        }
        Map<String, Long> emptyDirs = new LinkedHashMap<>();
        for (VolumeMount mount : c.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new NoSuchElementException(service + ": no volume " + mount.getName()));
            if (volume.getEmptyDir() == null) {
                throw new IllegalStateException(service + ": volume " + mount.getName()
                        + " is not an emptyDir, and the rehearsal knows only those");
            }
            Quantity size = volume.getEmptyDir().getSizeLimit();
            emptyDirs.put(mount.getMountPath(), size == null ? null : Quantity.getAmountInBytes(size).longValueExact());
        }
        List<Env> env = c.getEnv().stream().map(ServiceContainer::env).toList();
        Quantity memory = c.getResources().getLimits().get("memory");
        Quantity cpu = c.getResources().getLimits().get("cpu");
        return new ServiceContainer(service, c.getImage(), c.getImagePullPolicy(), user, group,
                Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()),
                Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()),
                sc.getCapabilities() == null ? List.of() : sc.getCapabilities().getDrop(),
                emptyDirs, env,
                memory == null ? null : Quantity.getAmountInBytes(memory).longValueExact(),
                cpu == null ? null : Quantity.getAmountInBytes(cpu),
                port(c, "http"), probe(c, c.getStartupProbe()), probe(c, c.getLivenessProbe()),
                probe(c, c.getReadinessProbe()));
    }

    private static Env env(EnvVar e) {
        if (e.getValueFrom() == null) {
            return new Env(e.getName(), e.getValue(), null);
        }
        if (e.getValueFrom().getSecretKeyRef() == null) {
            throw new IllegalStateException(e.getName() + ": only values and secretKeyRef are known here");
        }
        return new Env(e.getName(), null, e.getValueFrom().getSecretKeyRef().getKey());
    }

    private static HttpProbe probe(Container c, Probe probe) {
        if (probe == null) {
            return null;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            throw new IllegalStateException(c.getName() + ": only HTTP probes are known here");
        }
        int port = get.getPort().getIntVal() != null ? get.getPort().getIntVal() : port(c, get.getPort().getStrVal());
        return new HttpProbe(get.getPath(), port, orDefault(probe.getPeriodSeconds(), 10),
                orDefault(probe.getFailureThreshold(), 3));
    }

    private static int port(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new NoSuchElementException(c.getName() + ": no port named " + name));
    }

    private static int orDefault(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
