package homework.arch.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The database passwords of the local stack (the superuser's, each service's, the relay's):
 * generated on first start, kept in the data folder (readable by its owner only) so a restart finds
 * the roles it created. A file from before the superuser had a password gets one added.
 */
final class Secrets {

    private final Path file;
    private final Properties passwords = new Properties();

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets loadOrCreate(Path file, List<String> roles) {
        Secrets secrets = new Secrets(file);
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    secrets.passwords.load(in);
                }
            }
            boolean added = false;
            for (String role : roles) {
                if (secrets.passwords.getProperty(role) == null) {
                    secrets.passwords.setProperty(role, generate());
                    added = true;
                }
            }
            if (added) {
                secrets.save();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        return secrets;
    }

    String password(String role) {
        return passwords.getProperty(role);
    }

    Path file() {
        return file;
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            passwords.store(out, "Database passwords of the local stack, generated on first start");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
