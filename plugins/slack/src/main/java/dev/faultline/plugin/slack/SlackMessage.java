package dev.faultline.plugin.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** One message: the notification text (also the fallback for screen readers) and its Block Kit blocks. */
record SlackMessage(String text, List<LayoutBlock> blocks, boolean broadcast) {
    SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
