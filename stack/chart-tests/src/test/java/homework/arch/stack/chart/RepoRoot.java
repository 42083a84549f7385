package homework.arch.stack.chart;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root: the nearest folder at or above the working directory that holds the chart. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("helm/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no helm/Chart.yaml at or above " + Path.of("").toAbsolutePath());
    }

    static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
