package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Passwords are generated at install, kept on upgrade, and only ever reach a pod through the Secret. */
class SecretsTest {

    private static final Set<String> KEYS = Set.of("postgres-password", "users-password", "billing-password",
            "orders-password", "notifications-password", "relay-password");

    @AfterEach
    void emptyCluster() {
        Chart.CLUSTER.clear();
    }

    @Test
    void passwordsAreGeneratedAtInstall() {
        Map<String, String> first = passwords(Chart.render(Map.of()));
        Map<String, String> second = passwords(Chart.render(Map.of()));
        assertEquals(KEYS, first.keySet());
        first.forEach((key, password) -> {
            assertTrue(password.matches("[A-Za-z0-9]{32}"), key);
            assertNotEquals(second.get(key), password, key + " is not generated");
        });
        assertEquals(KEYS.size(), Set.copyOf(first.values()).size(), "two roles share a password");
    }

    @Test
    void passwordsAreKeptOnUpgrade() {
        int readsBefore = Chart.CLUSTER.secretReads();
        String existing = Base64.getEncoder().encodeToString("kept-from-the-install".getBytes(StandardCharsets.UTF_8));
        Chart.CLUSTER.putSecret(Chart.NAMESPACE, "arch-db", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"arch-db","namespace":"arch"},
                 "data":{"orders-password":"%s"}}""".formatted(existing));
        Rendered upgrade = Chart.render(Map.of());
        assertTrue(Chart.CLUSTER.secretReads() > readsBefore, "the chart did not look the Secret up");
        Map<String, String> passwords = passwords(upgrade);
        assertEquals("kept-from-the-install", passwords.get("orders-password"));
        assertTrue(passwords.get("users-password").matches("[A-Za-z0-9]{32}"), "a missing key is generated");
        Secret secret = upgrade.named(Secret.class, "arch-db");
        assertEquals("keep", secret.getMetadata().getAnnotations().get("helm.sh/resource-policy"),
                "the PostgreSQL volume outlives an uninstall; the passwords must too");
    }

    @Test
    void noPasswordIsRenderedInPlainText() {
        for (Rendered rendered : List.of(Chart.render(), Chart.renderOverridden())) {
            Secret secret = rendered.named(Secret.class, "arch-db");
            assertTrue(secret.getStringData() == null || secret.getStringData().isEmpty(), "stringData is plain text");
            assertFalse(rendered.text().contains("stringData"));
            assertEquals(1, rendered.all(Secret.class).size());
            passwords(rendered).values().forEach(p -> assertFalse(rendered.text().contains(p), "plain text password"));
        }
    }

    @Test
    void everyPasswordVariableComesFromTheSecret() {
        Rendered rendered = Chart.render();
        List<Executable> checks = new ArrayList<>();
        rendered.podTemplates().forEach((workload, pod) -> {
            for (Container c : Rendered.allContainers(pod)) {
                for (EnvVar var : c.getEnv()) {
                    if (var.getName().matches("(?i).*(PASSWORD|SECRET|CREDENTIAL).*")) {
                        String where = workload + "/" + c.getName() + " " + var.getName();
                        checks.add(() -> assertNull(var.getValue(), where + " has a literal value"));
                        checks.add(() -> assertNotNull(var.getValueFrom().getSecretKeyRef(), where));
                        checks.add(() -> assertEquals("arch-db", var.getValueFrom().getSecretKeyRef().getName(), where));
                        checks.add(() -> assertTrue(KEYS.contains(var.getValueFrom().getSecretKeyRef().getKey()), where));
                    }
                }
            }
        });
        assertFalse(checks.isEmpty());
        assertAll(checks);
    }

    private static Map<String, String> passwords(Rendered rendered) {
        Map<String, String> data = rendered.named(Secret.class, "arch-db").getData();
        return data.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }
}
