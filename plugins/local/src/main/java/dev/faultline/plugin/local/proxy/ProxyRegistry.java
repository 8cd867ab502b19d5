package dev.faultline.plugin.local.proxy;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The proxies of one server, by name. Operations follow Toxiproxy's semantics and errors. */
final class ProxyRegistry {
    private final Map<String, ChaosProxy> proxies = new TreeMap<>();
    private final EventLoopGroup group;

    ProxyRegistry(EventLoopGroup group) {
        this.group = group;
    }

    synchronized List<ChaosProxy> all() {
        return new ArrayList<>(proxies.values());
    }

    synchronized ChaosProxy get(String name) throws ApiError {
        ChaosProxy p = proxies.get(name);
        if (p == null) {
            throw ApiError.proxyNotFound();
        }
        return p;
    }

    synchronized ChaosProxy create(ProxyConfig c) throws ApiError {
        check(c, "");
        if (proxies.containsKey(c.name())) {
            throw new ApiError(409, "proxy already exists");
        }
        ChaosProxy p = new ChaosProxy(c.name(), c.listen().isEmpty() ? "127.0.0.1:0" : c.listen(), c.upstream(), group);
        p.setEnabled(c.enabled());
        proxies.put(c.name(), p);
        return p;
    }

    /** Creates or replaces each proxy; one with the same listen and upstream is left as it is. */
    synchronized List<ChaosProxy> populate(List<ProxyConfig> configs, List<ChaosProxy> done) throws ApiError {
        for (int i = 0; i < configs.size(); i++) {
            check(configs.get(i), " at proxy " + (i + 1));
        }
        for (ProxyConfig c : configs) {
            ChaosProxy existing = proxies.get(c.name());
            if (existing != null
                    && existing.listen().equals(c.listen())
                    && existing.upstream().equals(c.upstream())) {
                done.add(existing);
                continue;
            }
            if (existing != null) {
                existing.stop();
                proxies.remove(c.name());
            }
            done.add(create(c));
        }
        return done;
    }

    synchronized void delete(String name) throws ApiError {
        get(name).stop();
        proxies.remove(name);
    }

    /** Enables every proxy and removes every toxic; proxies stay. */
    synchronized void reset() throws ApiError {
        for (ChaosProxy p : proxies.values()) {
            p.clearToxics();
            p.setEnabled(true);
        }
    }

    synchronized void stopAll() {
        proxies.values().forEach(ChaosProxy::stop);
        proxies.clear();
    }

    private static void check(ProxyConfig c, String where) throws ApiError {
        if (c.name().isBlank()) {
            throw new ApiError(400, "missing required field: name" + where);
        }
        Names.check("proxy", c.name(), where);
        if (c.upstream().isBlank()) {
            throw new ApiError(400, "missing required field: upstream" + where);
        }
    }
}
