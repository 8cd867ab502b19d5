package dev.faultline.engine.model;

import java.util.Objects;

/**
 * What a fault hits, in the terms of its backend: {@code proxy: payments} is
 * {@code Target("proxy", {name: payments})}; {@code process: {name: sandbox-payment}} is
 * {@code Target("process", {name: sandbox-payment})}.
 */
public record Target(String kind, Params selector) {
    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(selector, "selector");
    }

    /** A short human label, also the name the blast radius lists: {@code proxy/payments}. */
    public String label() {
        String name = selector.get("name").orElseGet(() -> selector.values().isEmpty() ? "" : selector.toString());
        return kind + "/" + name;
    }
}
