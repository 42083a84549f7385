package homework.arch.stack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing orders the pods of a cluster: a service may start before PostgreSQL accepts connections.
 * It waits for its database instead of exiting at the first refusal.
 */
class ServiceWaitsForItsDatabaseIT {

    @TempDir
    Path work;

    @Test
    void aServiceStartedBeforeItsDatabaseBecomesReadyOnceTheDatabaseIs() throws Exception {
        int databasePort = Ports.free();
        Map<String, String> env = Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/billing",
                "DB_USER", "billing", "DB_PASSWORD", "b-secret");
        CompletableFuture<ServiceProcess> billing = CompletableFuture.supplyAsync(() -> ServiceProcess.startService(
                "billing", Ports.free(), env, work.resolve("logs"), Duration.ofSeconds(180)));
        Path log = work.resolve("logs").resolve("billing.log");
        // Flyway's line for a refused connection that it will try again.
        assertThat("billing tried its database and goes on trying", eventually(Duration.ofSeconds(120),
                () -> Files.isRegularFile(log) && Files.readString(log).contains("Retrying in")), is(true));
        assertThat("billing is not ready without its database", billing.isDone(), is(false));
        try (Postgres postgres = Postgres.start(work.resolve("postgres"), databasePort, "s-secret")) {
            postgres.createServiceDatabase("billing", "b-secret");
            ServiceProcess started = billing.join();
            try {
                assertThat(new TestHttp(started.uri()).get("/health/ready").status(), is(200));
            } finally {
                started.stop();
            }
        }
    }

    private static boolean eventually(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return check.holds();
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
