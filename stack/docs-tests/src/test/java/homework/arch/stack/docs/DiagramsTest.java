package homework.arch.stack.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.GeneratedImage;
import net.sourceforge.plantuml.SourceFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Every diagram source in docs/diagrams renders without error, and the PNG committed beside it was
 * rendered from exactly that source (and the shared style it includes). Re-render them with
 * {@code docs/diagrams/render}.
 */
class DiagramsTest {

    private static final int MAX_WIDTH = 1000;
    private static final String HOW_TO_FIX = "; re-render with docs/diagrams/render and commit the PNG";

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void everySourceRendersAndItsCommittedImageIsUpToDate(@TempDir Path out) throws IOException {
        List<Path> sources = Docs.files(Docs.diagrams(), ".puml");
        assertThat("no diagrams in " + Docs.diagrams(), sources, not(empty()));
        List<String> problems = new ArrayList<>();
        for (Path source : sources) {
            Path fresh = render(source, out, problems);
            Path committed = png(source);
            if (fresh == null) {
                continue;
            }
            if (!Files.isRegularFile(committed)) {
                problems.add(name(source) + ": no image " + committed.getFileName() + HOW_TO_FIX);
                continue;
            }
            String expected = PngText.chunk(fresh, "plantuml").orElseThrow(
                    () -> new AssertionError("PlantUML wrote no source into " + fresh));
            String actual = PngText.chunk(committed, "plantuml").orElse("<none>");
            if (!expected.equals(actual)) {
                problems.add(name(source) + ": " + committed.getFileName() + " is stale" + HOW_TO_FIX);
            }
        }
        assertThat(problems, is(empty()));
    }

    @Test
    void everyImageHasASourceAndIsShownInTheDocs() {
        String docs = Docs.markdown().stream().map(Docs::read).collect(Collectors.joining("\n"));
        List<String> problems = new ArrayList<>();
        for (Path image : Docs.files(Docs.diagrams(), ".png")) {
            String base = image.getFileName().toString().replaceFirst("\\.png$", "");
            if (!Files.isRegularFile(image.resolveSibling(base + ".puml"))) {
                problems.add(image.getFileName() + " has no source " + base + ".puml");
            }
            if (!docs.contains("diagrams/" + image.getFileName())) {
                problems.add(image.getFileName() + " is not shown in README.md or docs/*.md");
            }
        }
        assertThat(problems, is(empty()));
    }

    /** A README is read at about 900 px; a wider picture is scaled down until its labels are unreadable. */
    @Test
    void everyImageIsAtMost1000PixelsWide() throws IOException {
        List<String> wide = new ArrayList<>();
        for (Path image : Docs.files(Docs.diagrams(), ".png")) {
            int width = javax.imageio.ImageIO.read(image.toFile()).getWidth();
            if (width > MAX_WIDTH) {
                wide.add(image.getFileName() + " is " + width + " px wide");
            }
        }
        assertThat("split the diagram or shorten its labels (at most " + MAX_WIDTH + " px)", wide, is(empty()));
    }

    @Test
    void aChangedSourceIsSeenAsStale(@TempDir Path dir) throws IOException {
        Path source = Docs.diagrams().resolve("seq-deposit.puml");
        Path copy = Files.copy(source, dir.resolve("seq-deposit.puml"));
        Files.copy(Docs.diagrams().resolve("style.iuml"), dir.resolve("style.iuml"));
        Files.writeString(copy, Files.readString(copy).replace("@enduml", "note over billing : changed\n@enduml"));
        List<String> problems = new ArrayList<>();
        Path fresh = render(copy, dir.resolve("out"), problems);
        assertThat(problems, is(empty()));
        assertThat(PngText.chunk(fresh, "plantuml").orElseThrow(),
                not(PngText.chunk(png(source), "plantuml").orElseThrow()));
    }

    /** Renders one source into {@code out}; null (and a problem) if it does not render cleanly. */
    private static Path render(Path source, Path out, List<String> problems) throws IOException {
        Files.createDirectories(out);
        SourceFileReader reader = new SourceFileReader(false, source.toFile(), out.toFile(), new FileFormatOption(FileFormat.PNG));
        List<GeneratedImage> images = reader.getGeneratedImages();
        if (images.size() != 1) {
            problems.add(name(source) + ": expected one diagram, got " + images.size());
            return null;
        }
        GeneratedImage image = images.getFirst();
        if (image.lineErrorRaw() != -1) {
            problems.add(name(source) + ": syntax error at line " + image.lineErrorRaw());
            return null;
        }
        return image.getPngFile().toPath();
    }

    private static Path png(Path source) {
        return source.resolveSibling(source.getFileName().toString().replaceFirst("\\.puml$", ".png"));
    }

    private static String name(Path source) {
        return Docs.root().relativize(source).toString();
    }
}
