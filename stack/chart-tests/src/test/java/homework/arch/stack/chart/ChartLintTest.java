package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ChartLintTest {

    @Test
    void lintStrictPassesWithoutWarnings() {
        LintResult lint = Chart.lint();
        assertThat("helm lint --strict: " + lint.getMessages(), lint.isFailed(), is(false));
        List<String> problems = lint.getMessages().stream()
                .filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]")).toList();
        assertThat(problems, is(empty()));
    }

    @Test
    void appVersionIsTheProjectVersion() throws IOException {
        String pom = Files.readString(RepoRoot.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>arch-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat("root pom version", version.find(), is(true));
        Map<String, Object> chart = new Yaml().load(Files.readString(RepoRoot.resolve("helm/Chart.yaml")));
        assertThat(chart.get("name"), is("arch"));
        assertThat(chart.get("appVersion"), is(version.group(1)));
    }

    @Test
    void valuesHoldNoPassword() throws IOException {
        String values = Files.readString(RepoRoot.resolve("helm/values.yaml"));
        Map<String, Object> tree = new Yaml().load(values);
        assertThat(keysMatching(tree, "", Pattern.compile("(?i)passw|passwd|credential|token")), is(empty()));
    }

    @Test
    void schemaRefusesKeysItDoesNotKnowSuchAsAPassword() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render(Map.of("postgres.password", "hunter2")));
        assertThat(refused.getMessage(), containsString("password"));
        assertThrows(IllegalStateException.class, () -> Chart.render(Map.of("image.pullPolicy", "Sometimes")));
    }

    private static List<String> keysMatching(Map<String, Object> tree, String prefix, Pattern pattern) {
        return tree.entrySet().stream().flatMap(e -> {
            String key = prefix + e.getKey();
            List<String> own = pattern.matcher(String.valueOf(e.getKey())).find() ? List.of(key) : List.of();
            @SuppressWarnings("unchecked")
            List<String> nested = e.getValue() instanceof Map<?, ?> map
                    ? keysMatching((Map<String, Object>) map, key + ".", pattern) : List.of();
            return java.util.stream.Stream.concat(own.stream(), nested.stream());
        }).toList();
    }
}
