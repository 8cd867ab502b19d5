/** Running a GameDay: its experiments in order through the experiment runner, with GameDay-level events. */
@NullMarked
package dev.faultline.engine.gameday;

import org.jspecify.annotations.NullMarked;
