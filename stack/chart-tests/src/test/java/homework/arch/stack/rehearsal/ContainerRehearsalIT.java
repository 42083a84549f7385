package homework.arch.stack.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.chart.ServiceContainer;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.Repository;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The container rehearsal, run by {@code stack/rehearse} (which builds the images first): the
 * four service images from {@code <service>/target/jib-image.tar}, each run with the container
 * settings the chart renders for it, instead of the local stack's JVMs, behind the local ingress
 * and against its PostgreSQL, Kafka and Debezium Server. Not part of {@code stack/test}: the
 * launcher's failsafe configuration leaves it out unless it is named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerRehearsalIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static ServiceContainer.Render chart;
    private static ContainerStarter containers;
    private static Stack stack;

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        chart = ServiceContainer.render();
        for (String service : Stack.SERVICES) {
            String image = chart.service(service).image();
            Podman.load(Repository.root().resolve(service).resolve("target/jib-image.tar"), image);
            System.out.println("[rehearsal] loaded " + image);
        }
        Path data = TARGET.resolve("rehearsal-stack");
        Folders.delete(data);
        StackLayout layout = new StackLayout(data, StackPorts.free());
        containers = new ContainerStarter(chart, layout, Integer.getInteger("rehearse.nofile", 1024),
                Integer.getInteger("rehearse.nproc", 1024));
        stack = Stack.on(layout, containers).start(step -> System.out.println("[rehearsal] starting " + step));
        System.out.printf("[rehearsal] ready in %.1f s; logs in %s; containers started again: %s%n",
                (System.nanoTime() - started) / 1e9, layout.logs(), containers.restarts());
    }

    @AfterAll
    static void stop() {
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
            assertEquals(c.user() + ":" + c.group(), Podman.exec(name, "sh", "-c", "echo $(id -u):$(id -g)").output().strip(), service);
            assertNotEquals(0, Podman.exec(name, "touch", "/rehearsal").exitCode(), service + ": the root file system is writable");
            for (String dir : c.emptyDirs().keySet()) {
                Podman.Result touch = Podman.exec(name, "touch", dir + "/rehearsal");
                assertEquals(0, touch.exitCode(), service + ": " + dir + " is not writable: " + touch.output());
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
                assertEquals(200, reply.status(), service + " " + probe.path() + ": " + reply);
            }
        });
    }

    /** The image serves the service's API, not only its health checks (Jib's default layout did not). */
    @Test
    @Order(3)
    void everyContainerServesItsApi() {
        stack.services().forEach((service, address) -> {
            TestHttp.Reply openapi = new TestHttp(address).get("/openapi?format=JSON");
            assertEquals(200, openapi.status(), service + " /openapi");
            Iterator<String> paths = openapi.json().path("paths").fieldNames();
            assertTrue(paths.hasNext(), service + ": /openapi lists no path, so CDI found none of its beans in the image");
        });
    }

    @Test
    @Order(4)
    void thePostmanCollectionPassesThroughTheIngress() {
        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("rehearsal-newman/report.html"), TARGET.resolve("rehearsal-newman/newman.log"));

        assertEquals(0, newman.exitCode(), "newman reported failed assertions against the containers "
                + "(target/rehearsal-newman/newman.log and report.html):\n" + newman.failures());
    }
}
