package dev.faultline.app.view.settings;

import dev.faultline.app.view.common.Work;
import dev.faultline.engine.spi.SecretRef;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Slack by form: a webhook, or a bot token and a channel. The webhook and the token are given as
 * references only ({@code env:VARIABLE} or {@code file:/path}), never in clear, so neither the
 * notifiers file nor the database ever holds them; the other settings of the file are kept.
 */
public final class SlackForm {
    static final String WEBHOOK = "slack.webhookUrl";
    static final String TOKEN = "slack.token";
    static final String CHANNEL = "slack.channel";

    private final Path file;
    private final Work work;
    private final StringProperty webhook = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty channel = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    SlackForm(Path file, Work work) {
        this.file = file;
        this.work = work;
    }

    /** Reads the form from the notifiers file; a credential kept in clear by an earlier version is not shown. */
    public void load() {
        work.run(
                "read-slack",
                this::read,
                p -> {
                    webhook.set(shown(p.getProperty(WEBHOOK, "")));
                    token.set(shown(p.getProperty(TOKEN, "")));
                    channel.set(p.getProperty(CHANNEL, "").strip());
                    boolean clear = !p.getProperty(WEBHOOK, "").isBlank()
                                    && webhook.get().isEmpty()
                            || !p.getProperty(TOKEN, "").isBlank()
                                    && token.get().isEmpty();
                    result.set(
                            clear
                                    ? "the file holds a Slack credential in clear: move it to an environment variable"
                                            + " or a file and give its reference here"
                                    : "");
                },
                err -> result.set("could not read " + file + ": " + err.getMessage()));
    }

    private static String shown(String value) {
        String v = value.strip();
        return SecretRef.problem(v) == null ? v : "";
    }

    private Properties read() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    /** What is wrong with the form, one problem a line; empty when it can be saved. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        reference("webhook", webhook.get(), out);
        reference("bot token", token.get(), out);
        if (!token.get().isBlank() && channel.get().isBlank()) {
            out.add("channel: a bot token needs the channel, by id (C0123ABCD) or name (#gameday)");
        }
        return out;
    }

    private static void reference(String what, String value, List<String> out) {
        String v = value.strip();
        if (!v.isEmpty() && SecretRef.problem(v) != null) {
            out.add(what + ": give it as env:VARIABLE or file:/path, never the " + what + " itself");
        }
    }

    /** Saves the form into the notifiers file, keeping its other settings; says where, or what is wrong. */
    public void save() {
        List<String> found = problems();
        if (!found.isEmpty()) {
            result.set(String.join("\n", found));
            return;
        }
        work.run(
                "save-slack",
                () -> {
                    Properties p = read();
                    put(p, WEBHOOK, webhook.get());
                    put(p, TOKEN, token.get());
                    put(p, CHANNEL, channel.get());
                    Path dir = file.toAbsolutePath().getParent();
                    if (dir != null) {
                        Files.createDirectories(dir);
                    }
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        p.store(
                                w,
                                "Faultline's notifiers (docs/plugins/slack.md); credentials as env: or file: references");
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                    return file;
                },
                f -> result.set("saved " + f + ": used by the next message"),
                err -> result.set("not saved: " + err.getMessage()));
    }

    private static void put(Properties p, String key, String value) {
        if (value.isBlank()) {
            p.remove(key);
        } else {
            p.setProperty(key, value.strip());
        }
    }

    public StringProperty webhookProperty() {
        return webhook;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
