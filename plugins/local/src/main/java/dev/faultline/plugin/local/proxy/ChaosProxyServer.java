package dev.faultline.plugin.local.proxy;

import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A chaos proxy server: TCP proxies with Toxiproxy's toxics, driven by Toxiproxy's HTTP API.
 * One Netty event loop per core carries the traffic.
 */
public final class ChaosProxyServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final ProxyRegistry proxies;
    private final HttpProxyRoutes httpProxies;
    private final HttpServer api;
    private final ExecutorService apiThreads;

    private final String host;
    private final @Nullable String exposureWarning;

    private ChaosProxyServer(
            EventLoopGroup group,
            ProxyRegistry proxies,
            HttpProxyRoutes httpProxies,
            HttpServer api,
            ExecutorService apiThreads,
            String host,
            @Nullable ApiToken token) {
        this.host = host;
        this.exposureWarning = ApiExposure.warning(
                host, Addresses.format(host, api.getAddress().getPort()), token != null);
        this.group = group;
        this.proxies = proxies;
        this.httpProxies = httpProxies;
        this.api = api;
        this.apiThreads = apiThreads;
    }

    /**
     * Starts the API on {@code host:apiPort} (0 picks a free port) with the given proxies.
     *
     * @throws IOException when the API port is taken or a proxy cannot listen
     */
    public static ChaosProxyServer start(String host, int apiPort, List<ProxyConfig> initial) throws IOException {
        return start(host, apiPort, initial, null);
    }

    /**
     * Starts the API as {@link #start(String, int, List)} does; with a token, every request must
     * carry {@code Authorization: Bearer TOKEN} (401 otherwise).
     */
    public static ChaosProxyServer start(String host, int apiPort, List<ProxyConfig> initial, @Nullable ApiToken token)
            throws IOException {
        if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("faultline-proxy", true),
                Transport.ioHandler());
        ProxyRegistry proxies = new ProxyRegistry(group);
        // Without TCP_NODELAY the JDK's HTTP server answers small requests ~40 ms late (Nagle and
        // delayed ACKs), which the kill switch would pay on every revert. Read once, at class load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer api;
        try {
            api = HttpServer.create(new InetSocketAddress(host, apiPort), 50);
        } catch (BindException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BindException("port " + apiPort + " on " + host + " is already in use");
        }
        ExecutorService apiThreads =
                Executors.newFixedThreadPool(4, new DefaultThreadFactory("faultline-proxy-api", true));
        ProxyJson json = new ProxyJson();
        HttpProxyRoutes httpProxies = new HttpProxyRoutes(group, json);
        new AdminApi(proxies, httpProxies, json, token).install(api, apiThreads);
        ChaosProxyServer server = new ChaosProxyServer(group, proxies, httpProxies, api, apiThreads, host, token);
        try {
            proxies.populate(initial, new java.util.ArrayList<>());
        } catch (ApiError e) {
            server.close();
            throw new IOException(e.getMessage());
        }
        api.start();
        return server;
    }

    /**
     * Reads a config file: the JSON array of proxies that {@code /populate} and toxiproxy-server's
     * {@code -config} take.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static List<ProxyConfig> readConfig(java.nio.file.Path file) throws IOException {
        ProxyJson json = new ProxyJson();
        try {
            return json.proxyConfigs(
                    json.parse(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (ApiError e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** How many streams of the named proxy were spliced in the kernel so far (diagnostics and tests). */
    long splicedStreams(String proxy) throws ApiError {
        return proxies.get(proxy).splicedStreams();
    }

    public int apiPort() {
        return api.getAddress().getPort();
    }

    public String apiUrl() {
        return "http://" + Addresses.format(host, apiPort());
    }

    /**
     * What to tell whoever started the server before anything else, when its API is reachable
     * from other machines; null when it listens on loopback only.
     */
    public @Nullable String exposureWarning() {
        return exposureWarning;
    }

    @Override
    public void close() {
        api.stop(0);
        apiThreads.shutdownNow();
        proxies.stopAll();
        httpProxies.stopAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
