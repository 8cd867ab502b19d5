package dev.faultline.engine.safety;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What one running Faultline did when asked to halt (or release) through the rendezvous.
 *
 * @param peer     whom we asked
 * @param answered whether it answered within the bound
 * @param home     its {@code FAULTLINE_HOME}, as it said or as its socket's note says; empty when unknown
 * @param reply    its words ("halted: 2 fault(s) reverted, all confirmed gone"), or why there was no answer
 * @param settled  for a halt: its faults were reverted (or it had none) before we stopped waiting
 */
public record HaltAnswer(HaltPeer peer, boolean answered, Optional<Path> home, String reply, boolean settled) {
    public HaltAnswer {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(reply, "reply");
    }
}
