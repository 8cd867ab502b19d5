package dev.faultline.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code state.json}: which process owns the sandbox and which processes it runs, each named by
 * pid and start time, so that a sandbox left behind by a dead Faultline can be stopped safely.
 */
record SandboxState(long ownerPid, Instant ownerStarted, List<Service> services) {

    record Service(String name, long pid, Instant started, int port) {}

    static final String FILE = "state.json";

    /** This process as the owner of {@code processes}, each named by pid and start time. */
    static SandboxState ofThisProcess(Map<ServiceSpec, Process> processes) {
        ProcessHandle self = ProcessHandle.current();
        List<Service> services = new ArrayList<>();
        processes.forEach((spec, p) -> services.add(
                new Service(spec.name(), p.pid(), p.info().startInstant().orElse(Instant.EPOCH), spec.port())));
        return new SandboxState(self.pid(), self.info().startInstant().orElse(Instant.EPOCH), services);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    void write(Path home) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("ownerPid", ownerPid);
        n.put("ownerStarted", ownerStarted.toString());
        ArrayNode list = n.putArray("services");
        for (Service s : services) {
            list.addObject()
                    .put("name", s.name())
                    .put("pid", s.pid())
                    .put("started", s.started().toString())
                    .put("port", s.port());
        }
        Files.createDirectories(home);
        Path tmp = home.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n), StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<SandboxState> read(Path home) {
        Path f = home.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            List<Service> services = new ArrayList<>();
            for (JsonNode s : n.path("services")) {
                services.add(new Service(
                        s.path("name").asString(),
                        s.path("pid").asLong(),
                        Instant.parse(s.path("started").asString()),
                        s.path("port").asInt()));
            }
            return Optional.of(new SandboxState(
                    n.path("ownerPid").asLong(),
                    Instant.parse(n.path("ownerStarted").asString()),
                    services));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isAlive(long pid, Instant started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info()
                        .startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 1000)
                        .orElse(true))
                .orElse(false);
    }
}
