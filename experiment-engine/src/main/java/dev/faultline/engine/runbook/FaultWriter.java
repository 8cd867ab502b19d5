package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Fault;
import tools.jackson.databind.node.ObjectNode;

/** A fault's runbook form: its type, then the attributes its kind writes ({@link Fault#writeFields}). */
final class FaultWriter {
    private FaultWriter() {}

    static void write(ObjectNode n, Fault f) {
        n.put("type", f.type());
        f.writeFields(new JsonFaultFieldWriter(n));
    }
}
