package dev.faultline.engine.plugins;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The installed backends and probe types, found through {@link ServiceLoader} or handed in by tests. */
public final class PluginCatalog {
    private final Map<String, FaultBackendProvider> backends;
    private final Map<String, MetricSourceProvider> probeTypes;

    public PluginCatalog(Collection<FaultBackendProvider> backends, Collection<MetricSourceProvider> probeTypes) {
        this.backends = Map.copyOf(backends.stream()
                .collect(Collectors.toMap(FaultBackendProvider::id, Function.identity(), (a, b) -> a, TreeMap::new)));
        this.probeTypes = Map.copyOf(probeTypes.stream()
                .collect(Collectors.toMap(MetricSourceProvider::type, Function.identity(), (a, b) -> a, TreeMap::new)));
    }

    public static PluginCatalog load(ClassLoader loader) {
        return new PluginCatalog(
                ServiceLoader.load(FaultBackendProvider.class, loader).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList(),
                ServiceLoader.load(MetricSourceProvider.class, loader).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList());
    }

    public Optional<FaultBackendProvider> backend(String id) {
        return Optional.ofNullable(backends.get(id));
    }

    public Optional<MetricSourceProvider> probeType(String type) {
        return Optional.ofNullable(probeTypes.get(type));
    }

    public List<FaultBackendProvider> backends() {
        return backends.values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    public List<MetricSourceProvider> probeTypes() {
        return probeTypes.values().stream()
                .sorted((a, b) -> a.type().compareTo(b.type()))
                .toList();
    }

    /** Creates a backend from journaled or configured settings. */
    public FaultBackend createBackend(BackendSettings settings) throws BackendException {
        FaultBackendProvider p = backend(settings.backend())
                .orElseThrow(() -> new BackendException(
                        settings.backend(),
                        "no such backend is installed (installed: " + String.join(", ", backends.keySet()) + ")"));
        return p.create(settings);
    }
}
