package dev.faultline.engine.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A notifier's settings: plain values ({@code slack.channel}) and secrets ({@code slack.token},
 * {@code slack.webhookUrl}), each secret a {@link Secret} so that printing the settings shows
 * {@code ****}. Where they come from ({@code $FAULTLINE_HOME/notifiers.properties}, environment
 * variables) is the app's business.
 */
public record NotifierSettings(Map<String, String> values, Map<String, Secret> secrets) {
    public static final NotifierSettings EMPTY = new NotifierSettings(Map.of(), Map.of());

    public NotifierSettings {
        values = Map.copyOf(values);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<Secret> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    /** Whether any setting starts with {@code prefix.}. */
    public boolean mentions(String prefix) {
        String p = prefix + ".";
        return values.keySet().stream().anyMatch(k -> k.startsWith(p))
                || secrets.keySet().stream().anyMatch(k -> k.startsWith(p));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        secrets.keySet().forEach(k -> shown.put(k, "****"));
        return shown.toString();
    }
}
