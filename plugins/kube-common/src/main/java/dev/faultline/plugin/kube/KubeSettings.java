package dev.faultline.plugin.kube;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes backend's settings, from the environment: {@code kubeconfig} (a file path; default
 * {@code $KUBECONFIG} or {@code ~/.kube/config}), {@code context} (default: the file's current
 * context), {@code namespace} (for targets that name none; default {@code default}),
 * {@code namespaces} (comma-separated, searched for leftovers on a reset), {@code requestTimeout}
 * (default 5s), {@code injectTimeout} (how long to wait for the controller to confirm; default 4s)
 * and {@code deleteTimeout} (default 3s). Only a path and a context name are kept: credentials stay
 * in the kubeconfig and are never logged or journaled.
 */
public record KubeSettings(
        String backend,
        Path kubeconfig,
        String context,
        String namespace,
        List<String> namespaces,
        Duration requestTimeout,
        Duration injectTimeout,
        Duration deleteTimeout) {
    public KubeSettings {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        namespaces = List.copyOf(namespaces);
    }

    public static KubeSettings from(BackendSettings settings) {
        Params v = settings.values();
        String ns = v.get("namespace").orElse("default");
        List<String> all = v.get("namespaces")
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
                .orElse(List.of());
        return new KubeSettings(
                settings.backend(),
                v.get("kubeconfig").map(Path::of).orElseGet(KubeSettings::defaultKubeconfig),
                v.get("context").orElse(""),
                ns,
                all,
                v.duration("requestTimeout", Duration.ofSeconds(5)),
                v.duration("injectTimeout", Duration.ofSeconds(4)),
                v.duration("deleteTimeout", Duration.ofSeconds(3)));
    }

    private static Path defaultKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** "context 'prod' of /home/me/.kube/config": what messages name, never a credential. */
    public String where() {
        return (context.isEmpty() ? "the current context" : "context '" + context + "'") + " of " + kubeconfig;
    }

    public boolean kubeconfigReadable() {
        return Files.isReadable(kubeconfig);
    }
}
