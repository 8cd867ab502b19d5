package dev.faultline.engine.plugins;

import dev.faultline.engine.spi.NotifierProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The installed notifier providers, found through {@link ServiceLoader} or handed in by tests. */
public record NotifierCatalog(List<NotifierProvider> providers) {
    public NotifierCatalog {
        providers = List.copyOf(providers);
    }

    public static NotifierCatalog load(ClassLoader loader) {
        return new NotifierCatalog(ServiceLoader.load(NotifierProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public Optional<NotifierProvider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
