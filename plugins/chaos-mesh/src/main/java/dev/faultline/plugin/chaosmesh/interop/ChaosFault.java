package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.Optional;

/**
 * One Faultline fault read from a chaos spec: what, on which pods, at what share, and for how long
 * when the spec says ({@code duration}; a workflow's {@code deadline} takes precedence).
 */
record ChaosFault(String name, Fault fault, Target target, double share, Optional<Duration> duration) {}
