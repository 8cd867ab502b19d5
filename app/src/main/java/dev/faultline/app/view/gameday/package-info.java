/** The GameDay planner screen. */
@NullMarked
package dev.faultline.app.view.gameday;

import org.jspecify.annotations.NullMarked;
