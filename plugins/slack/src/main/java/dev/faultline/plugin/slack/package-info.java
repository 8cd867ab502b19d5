/** GameDay and run messages to Slack, by incoming webhook or by bot token (live parent message plus thread). */
@NullMarked
package dev.faultline.plugin.slack;

import org.jspecify.annotations.NullMarked;
