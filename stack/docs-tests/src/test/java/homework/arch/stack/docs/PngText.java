package homework.arch.stack.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.w3c.dom.Node;

/**
 * Reads a text chunk of a PNG. PlantUML stores the diagram's source, with its includes expanded,
 * in the chunk {@code plantuml} of every PNG it renders: comparing that text, not the pixels,
 * tells whether an image is up to date on any machine, whatever its fonts.
 */
final class PngText {

    private PngText() {
    }

    static Optional<String> chunk(Path png, String keyword) {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                IIOMetadata metadata = reader.getImageMetadata(0);
                return find(metadata.getAsTree("javax_imageio_png_1.0"), keyword);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> find(Node node, String keyword) {
        if (node.getAttributes() != null) {
            Node key = node.getAttributes().getNamedItem("keyword");
            Node value = node.getAttributes().getNamedItem(node.getNodeName().equals("iTXtEntry") ? "text" : "value");
            if (key != null && value != null && keyword.equals(key.getNodeValue())) {
                return Optional.of(value.getNodeValue());
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Optional<String> found = find(child, keyword);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
