package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The images the chart runs from {@code image.registry} are exactly the images the build makes: a
 * service whose module does not turn Jib on would sit in ImagePullBackOff, an image nobody runs is
 * dead weight. The third-party images run the versions the local stack runs, each from the root
 * pom's one property, with an exact tag.
 */
class ImagesTest {

    private static final String REGISTRY = (String) Chart.OVERRIDES.get("image.registry");
    private static final String TAG = (String) Chart.OVERRIDES.get("image.tag");

    @Test
    void theChartRunsAnImageOfEveryModuleThatBuildsOneAndOfNoOther() throws Exception {
        Set<String> built = modulesThatBuildAnImage();
        assertThat("no module turns Jib on", built, not(empty()));
        Set<String> images = built.stream().map(m -> REGISTRY + "/arch-" + m + ":" + TAG)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(imagesFromTheRegistry(), is(images));
    }

    @Test
    void theChartRunsTheServersTheLocalStackRunsAtTheSameVersions() throws Exception {
        Element root = pom(RepoRoot.path());
        String postgres = property(root, "version.postgres-binaries");
        Rendered rendered = Chart.render();
        assertThat("version.postgres-binaries is " + postgres, rendered.container("arch-postgres").getImage(),
                is("postgres:" + postgres.substring(0, postgres.lastIndexOf('.'))));
        assertThat(rendered.container("arch-kafka").getImage(), is("apache/kafka:" + property(root, "version.kafka")));
        assertThat(rendered.container("arch-outbox-relay").getImage(),
                is("quay.io/debezium/server:" + property(root, "version.debezium")));
    }

    @Test
    void everyImageHasAnExactTag() {
        for (var pod : Chart.render().podTemplates().values()) {
            for (Container container : Rendered.allContainers(pod)) {
                String tag = container.getImage().substring(container.getImage().lastIndexOf(':') + 1);
                assertThat(container.getName() + " runs " + container.getImage(), tag.matches("[0-9]+\\.[0-9]+.*"),
                        is(true));
            }
        }
    }

    private static String property(Element pom, String name) {
        List<String> values = texts(pom, name);
        assertThat("the root pom sets " + name + " once", values, hasSize(1));
        return values.getFirst();
    }

    private static Set<String> imagesFromTheRegistry() {
        return Chart.renderOverridden().podTemplates().values().stream()
                .flatMap(pod -> Rendered.allContainers(pod).stream())
                .map(Container::getImage)
                .filter(image -> image.startsWith(REGISTRY + "/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The root pom's modules whose own pom sets {@code jib.skip} to false (the profile skips the rest). */
    private static Set<String> modulesThatBuildAnImage() throws Exception {
        Set<String> modules = new TreeSet<>();
        for (String module : texts(pom(RepoRoot.path()), "module")) {
            Element pom = pom(RepoRoot.resolve(module));
            if (texts(pom, "jib.skip").contains("false")) {
                modules.add(directChild(pom, "artifactId"));
            }
        }
        return modules;
    }

    private static Element pom(Path dir) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile())
                .getDocumentElement();
    }

    private static List<String> texts(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static String directChild(Element root, String tag) {
        for (var node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().strip();
            }
        }
        throw new IllegalStateException("no <" + tag + "> in a module's pom");
    }
}
