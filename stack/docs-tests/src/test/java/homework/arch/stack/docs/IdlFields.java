package homework.arch.stack.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field names an IDL gives a body or an event: the properties of a request body, of an answer
 * or of a message's payload, following {@code $ref}s (into other files too) and {@code allOf}.
 */
final class IdlFields {

    /** A node of a YAML document and the file it is in, against which its references resolve. */
    record Node(Path file, Object value) {

        Node get(String key) {
            Node node = resolved();
            return node.value instanceof Map<?, ?> map && map.containsKey(key) ? new Node(node.file, map.get(key)) : null;
        }

        /** This node, or the node its {@code $ref} leads to (again and again). */
        Node resolved() {
            Node node = this;
            while (node.value instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) {
                node = follow(node.file, ref);
            }
            return node;
        }
    }

    private IdlFields() {
    }

    static Node document(Path file) {
        return new Node(file, YamlDocs.load(file));
    }

    /** The node a reference leads to: {@code #/a/b} in the same file, {@code other.yaml#/a/b} in another. */
    static Node follow(Path file, String ref) {
        int hash = ref.indexOf('#');
        Path target = hash == 0 ? file : file.getParent().resolve(hash < 0 ? ref : ref.substring(0, hash)).normalize();
        Object node = YamlDocs.load(target);
        if (hash >= 0) {
            for (String token : ref.substring(hash + 1).split("/")) {
                if (token.isEmpty()) {
                    continue;
                }
                String key = URLDecoder.decode(token, StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new AssertionError(file + ": $ref " + ref + " leads nowhere");
                }
                node = map.get(key);
            }
        }
        return new Node(target, node);
    }

    /** Every path item of an OpenAPI document, its {@code $ref} followed, by the path as written. */
    static Map<String, Node> paths(Path file) {
        Map<String, Node> paths = new LinkedHashMap<>();
        Node all = document(file).get("paths");
        ((Map<?, ?>) all.value()).forEach((path, item) -> paths.put(String.valueOf(path), new Node(all.file(), item).resolved()));
        return paths;
    }

    /** The properties of a schema: its own and those of every {@code allOf} part. */
    static Set<String> properties(Node schema) {
        Set<String> names = new TreeSet<>();
        Node resolved = schema.resolved();
        Node properties = resolved.get("properties");
        if (properties != null) {
            ((Map<?, ?>) properties.resolved().value()).keySet().forEach(k -> names.add(String.valueOf(k)));
        }
        Node allOf = resolved.get("allOf");
        if (allOf != null) {
            for (Object part : (List<?>) allOf.value()) {
                names.addAll(properties(new Node(allOf.file(), part)));
            }
        }
        return names;
    }

    /** The properties of a schema, or of the items of an array schema (written {@code [a, b]}'s elements). */
    static Set<String> fields(Node schema) {
        Node resolved = schema.resolved();
        Node items = "array".equals(((Map<?, ?>) resolved.value()).get("type")) ? resolved.get("items") : null;
        return properties(items != null ? items : resolved);
    }

    /** The JSON schema of an operation's request body, or of its answer with this status. */
    static Optional<Node> jsonSchema(Node bodyOrResponse) {
        return Optional.ofNullable(bodyOrResponse).map(n -> n.get("content")).map(n -> n.get("application/json"))
                .map(n -> n.get("schema"));
    }
}
