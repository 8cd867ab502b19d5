package dev.faultline.app.view.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The name of the person at this computer, as people know them (not the OS account): the author of
 * their observations, the leader of the GameDays they plan, the name a report shows. On first start
 * it is the OS account's full name when the system has one (the first field of its comment in the
 * password file), else the user name; Settings changes it.
 */
public final class YourName {
    private static final Path PASSWD = Path.of("/etc/passwd");

    private YourName() {}

    /** What a first start proposes for this OS account. */
    public static String ofThisAccount() {
        return firstStart(System.getProperty("user.name", ""), PASSWD);
    }

    /** The full name of {@code user} in {@code passwd}, else {@code user}. */
    static String firstStart(String user, Path passwd) {
        return fullName(user, passwd).orElse(user);
    }

    /** The full name a password file gives {@code user} ("Ada Lovelace,,," gives "Ada Lovelace"), if any. */
    static Optional<String> fullName(String user, Path passwd) {
        List<String> lines;
        try {
            lines = Files.isReadable(passwd) ? Files.readAllLines(passwd) : List.of();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // no readable account database (not Linux, say): the user name it is
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length >= 5 && f[0].equals(user)) {
                String name = f[4].split(",", -1)[0].strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The name to write as an author: {@code chosen} unless blank, then the OS user name. */
    public static String orAccount(String chosen) {
        String n = chosen.strip();
        return n.isEmpty() ? System.getProperty("user.name", "") : n;
    }
}
