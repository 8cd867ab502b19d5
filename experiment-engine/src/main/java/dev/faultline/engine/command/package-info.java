/**
 * Running a {@link dev.faultline.engine.model.Command}: the process a command step or a command
 * probe starts, bounded by its timeout, as Chaos Toolkit runs a {@code process} provider (exit code 0
 * is success, standard output is the value).
 */
@NullMarked
package dev.faultline.engine.command;

import org.jspecify.annotations.NullMarked;
