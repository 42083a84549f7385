package homework.arch.stack.rehearsal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import java.util.Iterator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.StackStyle;
import homework.arch.stack.chart.ServiceContainer;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.Repository;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The container rehearsal, run by {@code stack/rehearse} (which builds the images first) in each
 * style that has one ({@link ContainerRehearsalIT}, style 2; {@link EventCollaborationRehearsalIT},
 * style 3): the four service images from {@code <service>/target/jib-image.tar}, each run with the
 * container settings the chart renders for it in that style, instead of the local stack's JVMs,
 * behind the local ingress and against its PostgreSQL, Kafka and Debezium Servers. Not part of
 * {@code stack/test}: the launcher's failsafe configuration leaves it out unless it is named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Rehearsal {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private ServiceContainer.Render chart;
    private ContainerStarter containers;
    private Stack stack;

    /** The interaction style the chart is rendered in and the stack runs. */
    abstract StackStyle style();

    /** Where under target/ this style's stack data and newman report go: the style 2 run keeps the old names. */
    private String suffix() {
        return style() == StackStyle.HTTP_BROKER ? "" : "-" + style().configName();
    }

    @BeforeAll
    void start() {
        long started = System.nanoTime();
        chart = ServiceContainer.render(style().configName());
        for (String service : Stack.SERVICES) {
            String image = chart.service(service).image();
            Podman.load(Repository.root().resolve(service).resolve("target/jib-image.tar"), image);
            System.out.println("[rehearsal] loaded " + image);
        }
        Path data = TARGET.resolve("rehearsal-stack" + suffix());
        Folders.delete(data);
        StackLayout layout = new StackLayout(data, StackPorts.free()).withStyle(style());
        containers = new ContainerStarter(chart, layout, Integer.getInteger("rehearse.nofile", 1024),
                Integer.getInteger("rehearse.nproc", 1024));
        stack = Stack.on(layout, containers).start(step -> System.out.println("[rehearsal] " + style() + ": starting " + step));
        System.out.printf("[rehearsal] ready in %.1f s; logs in %s; containers started again: %s%n",
                (System.nanoTime() - started) / 1e9, layout.logs(), containers.restarts());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (containers != null) {
            containers.removeLeftovers();
        }
    }

    /** What the settings promise, seen from inside: the chart's user, a read-only root, a writable /tmp. */
    @Test
    @Order(1)
    void everyContainerRunsAsTheChartSays() {
        for (String service : Stack.SERVICES) {
            ServiceContainer c = chart.service(service);
            String name = containers.containerName(service);
            assertThat(service, Podman.exec(name, "sh", "-c", "echo $(id -u):$(id -g)").output().strip(),
                    is(c.user() + ":" + c.group()));
            assertThat(service + ": the root file system is writable", Podman.exec(name, "touch", "/rehearsal").exitCode(),
                    not(0));
            for (String dir : c.emptyDirs().keySet()) {
                Podman.Result touch = Podman.exec(name, "touch", dir + "/rehearsal");
                assertThat(service + ": " + dir + " is not writable: " + touch.output(), touch.exitCode(), is(0));
            }
        }
    }

    @Test
    @Order(2)
    void theProbesAnswerAtThePathsTheChartGives() {
        stack.services().forEach((service, address) -> {
            ServiceContainer c = chart.service(service);
            for (ServiceContainer.HttpProbe probe : new ServiceContainer.HttpProbe[] {c.startup(), c.liveness(), c.readiness()}) {
                TestHttp.Reply reply = new TestHttp(address).get(probe.path());
                assertThat(service + " " + probe.path() + ": " + reply, reply.status(), is(200));
            }
        });
    }

    /** The image serves the service's API, not only its health checks (Jib's default layout did not). */
    @Test
    @Order(3)
    void everyContainerServesItsApi() {
        stack.services().forEach((service, address) -> {
            TestHttp.Reply openapi = new TestHttp(address).get("/openapi?format=JSON");
            assertThat(service + " /openapi", openapi.status(), is(200));
            Iterator<String> paths = openapi.json().path("paths").fieldNames();
            assertThat(service + ": /openapi lists no path, so CDI found none of its beans in the image", paths.hasNext(),
                    is(true));
        });
    }

    @Test
    @Order(4)
    void thePostmanCollectionPassesThroughTheIngress() {
        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("rehearsal-newman" + suffix() + "/report.html"),
                TARGET.resolve("rehearsal-newman" + suffix() + "/newman.log"));

        assertThat("newman reported failed assertions against the containers in style " + style()
                + " (target/rehearsal-newman" + suffix() + "/newman.log and report.html):\n" + newman.failures(),
                newman.exitCode(), is(0));
    }
}
