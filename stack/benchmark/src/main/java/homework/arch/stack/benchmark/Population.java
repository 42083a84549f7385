package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The users orders are placed for: funded ones (enough money for every order of a run) and broke
 * ones (never funded), so that picking a broke user one time in five cancels about one order in five
 * for lack of funds. Stored as one {@code funded|broke,<uuid>} line each, for the Gatling JVM.
 */
public record Population(List<UUID> funded, List<UUID> broke) {

    /** One order in this many goes to a broke user. */
    static final int BROKE_ONE_IN = 5;

    public UUID pick() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<UUID> from = random.nextInt(BROKE_ONE_IN) == 0 ? broke : funded;
        return from.get(random.nextInt(from.size()));
    }

    public List<UUID> all() {
        List<UUID> all = new ArrayList<>(funded);
        all.addAll(broke);
        return all;
    }

    public void write(Path file) {
        List<String> lines = new ArrayList<>();
        funded.forEach(id -> lines.add("funded," + id));
        broke.forEach(id -> lines.add("broke," + id));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Population read(Path file) {
        List<UUID> funded = new ArrayList<>();
        List<UUID> broke = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(",");
                (parts[0].equals("funded") ? funded : broke).add(UUID.fromString(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Population(List.copyOf(funded), List.copyOf(broke));
    }
}
