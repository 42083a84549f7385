package homework.arch.stack.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** Reads YAML documents (OpenAPI, AsyncAPI) as plain maps and follows their local references. */
final class YamlDocs {

    private YamlDocs() {
    }

    static Map<String, Object> load(Path file) {
        Object doc = new Yaml().load(Docs.read(file));
        if (!(doc instanceof Map<?, ?>)) {
            throw new AssertionError(file + " is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) doc;
        return map;
    }

    /** The value at a dotted path; keys may contain '$' but no dots. */
    static Object at(Map<String, Object> doc, String dotted) {
        Object node = doc;
        for (String key : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + dotted + " (missing " + key + ")");
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> doc, String dotted) {
        return (Map<String, Object>) at(doc, dotted);
    }

    /** Every local {@code $ref} ("#/a/b") that does not lead to a node of the document. */
    static List<String> unresolvedRefs(Map<String, Object> doc) {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        List<String> unresolved = new ArrayList<>();
        for (String ref : refs) {
            if (!ref.startsWith("#/") || !resolves(doc, ref.substring(2).split("/"))) {
                unresolved.add(ref);
            }
        }
        return unresolved;
    }

    private static boolean resolves(Object node, String[] path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            node = map.get(key);
        }
        return true;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add(String.valueOf(value));
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }
}
