package dev.faultline.engine.store;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write of a run's that can be kept on disk while the shared store is away ({@link
 * KeptWritesFile}): the run's start (its experiment's runbook and the run's row, with the runner's
 * machine and process) or one of its events; one line of JSON each. Written again from that line
 * after a crash, it is not doubled: a run already there is left as it is, and so is an event already
 * at its place ({@link RunWrites#appendEvent}).
 */
record KeptWrite(ObjectNode line) implements UnsentWrites.Write {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The run's start: its experiment's runbook (stored once) and the run's row, by this process. */
    static KeptWrite start(
            String runId,
            String experiment,
            String title,
            String runbookText,
            String sha256,
            String environment,
            Instant startedAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "start");
        n.put("runId", runId);
        n.put("experiment", experiment);
        n.put("title", title);
        n.put("runbook", runbookText);
        n.put("sha256", sha256);
        n.put("environment", environment);
        n.put("startedAt", startedAt.toString());
        n.put("pid", ProcessHandle.current().pid());
        n.put("host", ThisMachine.name());
        return new KeptWrite(n);
    }

    static KeptWrite event(String runId, long seq, Instant at, String type, String text) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "event");
        n.put("runId", runId);
        n.put("seq", seq);
        n.put("at", at.toString());
        n.put("type", type);
        n.put("text", text);
        return new KeptWrite(n);
    }

    /** The write a line of the file holds; throws {@link IllegalArgumentException} when it is not one. */
    static KeptWrite parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a kept write (" + e.getMessage() + ")", e);
        }
        if (!(n instanceof ObjectNode o) || !o.has("kind") || !o.has("runId")) {
            throw new IllegalArgumentException("not a kept write: " + line);
        }
        return new KeptWrite(o);
    }

    String toLine() {
        return JSON.writeValueAsString(line);
    }

    String runId() {
        return line.path("runId").asString();
    }

    @Override
    public void to(FaultlineStore store) throws StoreException {
        String runId = runId();
        switch (line.path("kind").asString()) {
            case "start" -> {
                long experiment = store.saveExperiment(
                        line.path("experiment").asString(),
                        line.path("title").asString(),
                        line.path("runbook").asString(),
                        line.path("sha256").asString());
                store.createRunOnce(
                        new RunRecord(
                                runId,
                                experiment,
                                line.path("experiment").asString(),
                                line.path("environment").asString(),
                                "RUNNING",
                                Instant.parse(line.path("startedAt").asString()),
                                null,
                                null),
                        line.path("pid").asLong(),
                        line.path("host").asString());
            }
            case "event" ->
                store.appendEvent(
                        runId,
                        line.path("seq").asLong(),
                        Instant.parse(line.path("at").asString()),
                        line.path("type").asString(),
                        line.path("text").asString());
            default ->
                throw new IllegalArgumentException(
                        "unknown kept write: " + line.path("kind").asString());
        }
    }
}
