package dev.faultline.plugin.local.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The optional bearer token of the chaos proxy API: when set, every request must carry
 * {@code Authorization: Bearer TOKEN}. Optional because Toxiproxy clients do not send one (the
 * Faultline {@code toxiproxy} backend does, from its {@code token} setting). Never printed.
 */
public final class ApiToken {
    /** The environment variable read when no token file is given. */
    public static final String ENV = "FAULTLINE_PROXY_TOKEN";

    static final int MIN_LENGTH = 16;

    private final byte[] expected;

    private ApiToken(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The token in {@code file} (its first line, trimmed).
     *
     * @throws IOException saying what is wrong: unreadable, empty, too short, or readable by others
     */
    public static ApiToken readFile(Path file) throws IOException {
        String text;
        try {
            if (Files.size(file) > 4096) {
                throw new IOException("token file " + file + " is over 4 KB; it should hold one line, the token");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("token file")
                    ? e
                    : new IOException("cannot read the token file " + file + " ("
                            + e.getClass().getSimpleName() + "); give a readable file holding the token");
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (!java.util.Collections.disjoint(
                    p, EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ))) {
                throw new IOException("token file " + file + " can be read by other users; chmod 600 it");
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions to check on this file system
        }
        return of(text.lines().findFirst().orElse("").trim(), "token file " + file);
    }

    /** The token in {@link #ENV}, or null when it is not set. */
    public static @Nullable ApiToken fromEnvironment() throws IOException {
        String v = System.getenv(ENV);
        return v == null ? null : of(v.trim(), "$" + ENV);
    }

    static ApiToken of(String token, String where) throws IOException {
        if (token.length() < MIN_LENGTH) {
            throw new IOException(where + " holds a token of " + token.length() + " characters; use at least "
                    + MIN_LENGTH + " (e.g. openssl rand -hex 32)");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IOException(where + " holds a token with spaces or characters outside printable ASCII;"
                    + " HTTP headers cannot carry them");
        }
        return new ApiToken(token);
    }

    /** Whether an {@code Authorization} header value carries this token (compared in constant time). */
    boolean accepts(@Nullable String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "****";
    }
}
