package dev.faultline.plugin.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Kubernetes names and label values made from run ids and step names. */
public final class Names {
    public static final String RUN_LABEL = "faultline.dev/run";
    public static final String FAULT_LABEL = "faultline.dev/fault";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private Names() {}

    /** A DNS-1123 label (also a valid label value) of at most {@code max} characters, unique by a hash suffix. */
    public static String label(String text, int max) {
        String clean = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        if (clean.length() <= max && clean.equals(text)) {
            return clean;
        }
        String hash = hash(text);
        int keep = Math.max(0, max - hash.length() - 1);
        String head = clean.substring(0, Math.min(clean.length(), keep)).replaceAll("-$", "");
        return head.isEmpty() ? hash : head + "-" + hash;
    }

    /** The resource name of one fault: {@code fl-<run>-<step>}, at most 63 characters. */
    public static String faultName(String runId, String step) {
        return label("fl-" + runId + "-" + step, 63);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
