package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
        assertThat(first.keySet(), is(KEYS));
        first.forEach((key, password) -> {
            assertThat(key, password.matches("[A-Za-z0-9]{32}"), is(true));
            assertThat(key + " is not generated", password, not(second.get(key)));
        });
        assertThat("two roles share a password", Set.copyOf(first.values()), hasSize(KEYS.size()));
    }

    @Test
    void passwordsAreKeptOnUpgrade() {
        int readsBefore = Chart.CLUSTER.secretReads();
        String existing = Base64.getEncoder().encodeToString("kept-from-the-install".getBytes(StandardCharsets.UTF_8));
        Chart.CLUSTER.putSecret(Chart.NAMESPACE, "arch-db", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"arch-db","namespace":"arch"},
                 "data":{"orders-password":"%s"}}""".formatted(existing));
        Rendered upgrade = Chart.render(Map.of());
        assertThat("the chart did not look the Secret up", Chart.CLUSTER.secretReads(), greaterThan(readsBefore));
        Map<String, String> passwords = passwords(upgrade);
        assertThat(passwords.get("orders-password"), is("kept-from-the-install"));
        assertThat("a missing key is generated", passwords.get("users-password").matches("[A-Za-z0-9]{32}"), is(true));
        Secret secret = upgrade.named(Secret.class, "arch-db");
        assertThat("the PostgreSQL volume outlives an uninstall; the passwords must too",
                secret.getMetadata().getAnnotations().get("helm.sh/resource-policy"), is("keep"));
    }

    @Test
    void noPasswordIsRenderedInPlainText() {
        for (Rendered rendered : List.of(Chart.render(), Chart.renderOverridden())) {
            Secret secret = rendered.named(Secret.class, "arch-db");
            assertThat("stringData is plain text", secret.getStringData() == null || secret.getStringData().isEmpty(),
                    is(true));
            assertThat(rendered.text(), not(containsString("stringData")));
            assertThat(rendered.all(Secret.class), hasSize(1));
            passwords(rendered).values().forEach(p -> assertThat("plain text password", rendered.text(),
                    not(containsString(p))));
        }
    }

    @Test
    void everyPasswordVariableComesFromTheSecret() {
        Rendered rendered = Chart.render();
        List<String> checked = new ArrayList<>();
        rendered.podTemplates().forEach((workload, pod) -> {
            for (Container c : Rendered.allContainers(pod)) {
                for (EnvVar var : c.getEnv()) {
                    if (var.getName().matches("(?i).*(PASSWORD|SECRET|CREDENTIAL).*")) {
                        String where = workload + "/" + c.getName() + " " + var.getName();
                        assertThat(where + " has a literal value", var.getValue(), nullValue());
                        assertThat(where, var.getValueFrom().getSecretKeyRef(), notNullValue());
                        assertThat(where, var.getValueFrom().getSecretKeyRef().getName(), is("arch-db"));
                        assertThat(where, var.getValueFrom().getSecretKeyRef().getKey(), isIn(KEYS));
                        checked.add(where);
                    }
                }
            }
        });
        assertThat(checked, not(empty()));
    }

    private static Map<String, String> passwords(Rendered rendered) {
        Map<String, String> data = rendered.named(Secret.class, "arch-db").getData();
        return data.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }
}
