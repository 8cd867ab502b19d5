package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Sizes;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/** A fault's runbook form: its type and attributes, as {@link MethodReader} reads them. */
final class FaultWriter {
    private FaultWriter() {
    }

    static void write(ObjectNode n, Fault f) {
        n.put("type", f.type());
        if (f instanceof Fault.Latency l) {
            n.put("latency", Durations.format(l.latency()));
            if (!l.jitter().isZero()) {
                n.put("jitter", Durations.format(l.jitter()));
            }
            if (l.correlation() != 0) {
                n.put("correlation", percent(l.correlation()));
            }
        } else if (f instanceof Fault.Bandwidth b) {
            n.put("rate", b.kilobytesPerSecond());
        } else if (f instanceof Fault.SlowClose c) {
            n.put("delay", Durations.format(c.delay()));
        } else if (f instanceof Fault.ConnectionTimeout t) {
            n.put("after", Durations.format(t.after()));
        } else if (f instanceof Fault.ResetPeer p) {
            n.put("after", Durations.format(p.after()));
        } else if (f instanceof Fault.Slicer s) {
            n.put("averageSize", s.averageBytes()).put("sizeVariation", s.variationBytes())
                    .put("delay", Durations.format(s.delay()));
        } else if (f instanceof Fault.LimitData d) {
            n.put("bytes", d.bytes());
        } else if (f instanceof Fault.HttpFault h) {
            http(n, h);
        } else if (f instanceof Fault.CpuStress c) {
            n.put("workers", c.workers()).put("load", c.loadPercent() + "%");
        } else if (f instanceof Fault.MemoryStress m) {
            n.put("size", Sizes.format(m.bytes()));
            if (m.growthPerSecond() > 0) {
                n.put("growth", Sizes.format(m.growthPerSecond()) + "/s");
            }
        } else if (f instanceof Fault.DiskStress d) {
            n.put("size", Sizes.format(d.bytes()));
            n.put("io", d.io().name().toLowerCase(java.util.Locale.ROOT)); // always: the editor shows what is written
            if (d.throughputPerSecond() > 0) {
                n.put("throughput", Sizes.format(d.throughputPerSecond()) + "/s");
            }
            if (!d.directory().isEmpty()) {
                n.put("path", d.directory());
            }
        } else if (f instanceof Fault.ProcessKill k) {
            n.put("signal", k.signal());
            if (!k.restartCommand().isEmpty()) {
                n.put("restart", k.restartCommand());
            }
        } else if (f instanceof Fault.ProcessRestart r) {
            if (!r.restartCommand().isEmpty()) {
                n.put("restart", r.restartCommand());
            }
        } else if (f instanceof Fault.JvmException j) {
            method(n, j.target()).put("exception", j.exception()).put("message", j.message());
        } else if (f instanceof Fault.JvmLatency j) {
            method(n, j.target()).put("latency", Durations.format(j.latency()));
        } else if (f instanceof Fault.JvmReturn j) {
            method(n, j.target()).put("value", j.value());
        } else if (f instanceof Fault.Dependency d) {
            n.put("mode", d.mode().runbookName());
            if (d.mode() == Fault.DependencyMode.SLOW) {
                n.put("latency", Durations.format(d.latency()));
            }
        } else {
            ClusterFaultWriter.write(n, f);
        }
        // Down and ProcessPause have no attributes.
    }

    private static ObjectNode method(ObjectNode n, Fault.JvmMethod m) {
        return n.put("class", m.className()).put("method", m.method());
    }

    static String percent(double share) {
        return dev.faultline.engine.model.Numbers.format(share * 100) + "%";
    }

    private static void http(ObjectNode n, Fault.HttpFault h) {
        if (!h.method().isEmpty()) {
            n.put("method", h.method());
        }
        n.put("path", h.path());
        if (!h.headers().isEmpty()) {
            ObjectNode headers = n.putObject("headers");
            new TreeMap<>(h.headers()).forEach(headers::put);
        }
        if (h.abortStatus() != 0) {
            n.put("abort", h.abortStatus());
        }
        if (!h.delay().isZero()) {
            n.put("delay", Durations.format(h.delay()));
        }
        if (h.reset()) {
            n.put("reset", true);
        }
        if (!h.replaceBody().isEmpty()) {
            n.put("replaceBody", h.replaceBody());
        }
        if (h.corruptBody()) {
            n.put("corruptBody", true);
        }
        if (!h.addHeaders().isEmpty()) {
            ObjectNode add = n.putObject("addHeaders");
            new TreeMap<>(h.addHeaders()).forEach(add::put);
        }
    }
}
