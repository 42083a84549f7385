package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The orders a Gatling run placed and the moment it sent each {@code POST /orders}, one
 * {@code phase,orderId,sentAt} line each, written by {@link OrderSimulation} when its load ends and
 * read by {@link Settled} where the answer does not carry the final status. The order id is the
 * client's ({@code CreateOrderRequest.id}), so the order read back is found by it.
 */
final class SentOrders {

    /** One POST: its phase ({@link OrderSimulation#request}'s), the order's id, when it was sent. */
    record Sent(String phase, UUID orderId, Instant at) {

        String line() {
            return phase + "," + orderId + "," + at;
        }

        static Sent parse(String line) {
            String[] parts = line.split(",");
            return new Sent(parts[0], UUID.fromString(parts[1]), Instant.parse(parts[2]));
        }
    }

    private SentOrders() {
    }

    static void write(Path file, Collection<Sent> sent) {
        try {
            Files.write(file, sent.stream().map(Sent::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The POSTs of {@code phase} in {@code file}; none if the run wrote no file. */
    static List<Sent> read(Path file, String phase) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(Sent::parse).filter(s -> s.phase().equals(phase)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
