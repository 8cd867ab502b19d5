package dev.faultline.plugin.local;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.PluginFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Talks to the Faultline agent in another JVM: every command is one attach (the JDK attach API,
 * through Byte Buddy's helper) that loads the agent jar with the command as its argument; the
 * agent keeps its state in that JVM between attaches and writes its reply to a file named in the
 * command. Needs nothing but the target's pid: no port, no file the target must poll, so a later
 * {@code faultline recover} from another process reverts with the journaled handle alone. The jar
 * is checked in full before every attach ({@link AgentJar}); the replies go to the same private
 * folder.
 */
final class JvmAgentClient {
    private final AgentJar jar;

    /** With the agent jar (and the agent's replies) in {@code folder}, which is made private to the user. */
    JvmAgentClient(Path folder) {
        this.jar = new AgentJar(folder);
    }

    /** With the agent jar in {@code $FAULTLINE_HOME/agent}. */
    JvmAgentClient() {
        this(PluginFolder.of("agent"));
    }

    /** Sends one command ({@code key, value, ...}) to the agent in {@code pid}; the agent's reply. */
    Map<String, String> send(long pid, String... command) throws BackendException {
        Path agent = jar.verified();
        Path reply = jar.folder().resolve("reply-" + UUID.randomUUID());
        String[] withReply = new String[command.length + 2];
        System.arraycopy(command, 0, withReply, 0, command.length);
        withReply[command.length] = "reply";
        withReply[command.length + 1] = reply.toString();
        try {
            ByteBuddyAgent.attach(agent.toFile(), Long.toString(pid), format(withReply));
            if (!Files.exists(reply)) {
                throw new BackendException(LocalBackendProvider.ID, "the agent in JVM " + pid + " gave no reply");
            }
            Map<String, String> answer = parse(Files.readString(reply, StandardCharsets.UTF_8));
            if (!"true".equals(answer.get("ok"))) {
                throw new BackendException(
                        LocalBackendProvider.ID, "JVM " + pid + ": " + answer.getOrDefault("error", "failed"));
            }
            return answer;
        } catch (IOException e) {
            throw new BackendException(
                    LocalBackendProvider.ID, "reading the agent's reply from JVM " + pid + ": " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "cannot attach to JVM " + pid + " (a JVM of the same user,"
                            + " attach not disabled, Faultline on a JDK): "
                            + (e.getCause() != null ? e.getCause() : e));
        } finally {
            try {
                Files.deleteIfExists(reply);
            } catch (IOException e) {
                // a stray reply file in the private folder is harmless
            }
        }
    }

    /** The agent's wire format (its {@code Command}): URL-encoded pairs joined by &amp;. */
    static String format(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(kv[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
