package dev.faultline.plugin.local;

import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Talks to the Faultline agent in another JVM: every command is one attach (the JDK attach API,
 * through Byte Buddy's helper) that loads the agent jar with the command as its argument; the
 * agent keeps its state in that JVM between attaches and writes its reply to a file named in the
 * command. Needs nothing but the target's pid: no port, no file the target must poll, so a later
 * {@code faultline recover} from another process reverts with the journaled handle alone.
 */
final class JvmAgentClient {
    private static final String RESOURCE = "jvm/faultline-jvm-agent.jar";

    private final Path tmp;

    JvmAgentClient(Path tmp) {
        this.tmp = tmp;
    }

    JvmAgentClient() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Sends one command ({@code key, value, ...}) to the agent in {@code pid}; the agent's reply. */
    Map<String, String> send(long pid, String... command) throws BackendException {
        Path jar = agentJar();
        Path reply = tmp.resolve("faultline-agent-reply-" + UUID.randomUUID());
        String[] withReply = new String[command.length + 2];
        System.arraycopy(command, 0, withReply, 0, command.length);
        withReply[command.length] = "reply";
        withReply[command.length + 1] = reply.toString();
        try {
            ByteBuddyAgent.attach(jar.toFile(), Long.toString(pid), format(withReply));
            if (!Files.exists(reply)) {
                throw new BackendException(LocalBackendProvider.ID, "the agent in JVM " + pid + " gave no reply");
            }
            Map<String, String> answer = parse(Files.readString(reply, StandardCharsets.UTF_8));
            if (!"true".equals(answer.get("ok"))) {
                throw new BackendException(LocalBackendProvider.ID, "JVM " + pid + ": " + answer.getOrDefault("error", "failed"));
            }
            return answer;
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "reading the agent's reply from JVM " + pid + ": " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot attach to JVM " + pid + " (a JVM of the same user,"
                    + " attach not disabled, Faultline on a JDK): " + (e.getCause() != null ? e.getCause() : e));
        } finally {
            try {
                Files.deleteIfExists(reply);
            } catch (IOException e) {
                // a stray reply file in the temp folder is harmless
            }
        }
    }

    /** The agent jar unpacked once per content into the temp folder, so every JVM loads the same file. */
    Path agentJar() throws BackendException {
        try (InputStream in = JvmAgentClient.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new BackendException(LocalBackendProvider.ID, "the JVM fault agent is missing from the local plugin"
                        + " (build it with mvn install)");
            }
            byte[] bytes = in.readAllBytes();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path jar = tmp.resolve("faultline-jvm-agent-" + sha + ".jar");
            if (!Files.exists(jar) || Files.size(jar) != bytes.length) {
                Path part = tmp.resolve(jar.getFileName() + "." + UUID.randomUUID() + ".part");
                Files.write(part, bytes);
                Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return jar;
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot unpack the JVM fault agent: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agent's wire format (its {@code Command}): URL-encoded pairs joined by &amp;. */
    static String format(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(kv[i], StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
