package homework.arch.stack.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import homework.arch.stack.fixtures.Repository;

/** Where the documentation lives in the checkout. */
final class Docs {

    private Docs() {
    }

    static Path root() {
        return Repository.root();
    }

    static Path diagrams() {
        return root().resolve("docs/diagrams");
    }

    /** The files in {@code dir} (not below it) whose names end with {@code suffix}, sorted. */
    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README and every Markdown file of docs/. */
    static List<Path> markdown() {
        return Stream.concat(Stream.of(root().resolve("README.md")), files(root().resolve("docs"), ".md").stream())
                .toList();
    }

    /** The checkout's files, without build output, dependencies, data folders and version control. */
    static List<Path> checkout() {
        Set<String> skipped = Set.of("target", "node_modules", ".git", ".local-stack", ".mvn", ".idea");
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).toString().split("/").length > 0)
                    .filter(f -> {
                        for (Path part : root.relativize(f)) {
                            if (skipped.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(f -> !f.getFileName().toString().endsWith(".png"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
