package homework.arch.stack.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import homework.arch.stack.fixtures.OpenApiContract;
import org.yaml.snakeyaml.Yaml;

/** The operations of a service's committed OpenAPI document ({@code openapi/<service>.yaml}). */
final class CommittedDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private CommittedDocument() {
    }

    /** Each operation as the UI shows it: {@code "GET /users/{id}"}. */
    @SuppressWarnings("unchecked")
    static Set<String> operations(String service) {
        try (Reader reader = Files.newBufferedReader(OpenApiContract.committed(service))) {
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new Yaml()
                    .<Map<String, Object>>load(reader).get("paths");
            Set<String> operations = new TreeSet<>();
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
