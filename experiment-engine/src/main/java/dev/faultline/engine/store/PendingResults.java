package dev.faultline.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's end that could not reach the database (it was closed by a shutdown, or failed), kept as
 * a file until the next start records it: nothing about a run is lost.
 */
public final class PendingResults {
    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();

    public PendingResults(Path dir) {
        this.dir = dir;
    }

    void keep(String runId, String status, Instant endedAt, String summary, String resultJson) throws IOException {
        ObjectNode n = json.createObjectNode();
        n.put("runId", runId);
        n.put("status", status);
        n.put("endedAt", endedAt.toString());
        n.put("summary", summary);
        n.put("result", resultJson);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(runId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json"), json.writeValueAsString(n),
                StandardCharsets.UTF_8);
    }

    /** Records every kept run end in the store and deletes its file; returns the run ids. */
    public List<String> recordInto(FaultlineStore store) throws StoreException {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return done;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return done;
        }
        for (Path f : files) {
            try {
                JsonNode n = json.readTree(Files.readString(f, StandardCharsets.UTF_8));
                store.finishRun(n.path("runId").asString(), n.path("status").asString(),
                        Instant.parse(n.path("endedAt").asString()), n.path("summary").asString(), n.path("result").asString());
                Files.delete(f);
                done.add(n.path("runId").asString());
            } catch (IOException | RuntimeException e) {
                // a damaged file stays for a person to look at; the run then shows as cut short
            }
        }
        return done;
    }
}
