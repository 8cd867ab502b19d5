/** The retrospective screen. */
@NullMarked
package dev.faultline.app.view.retro;

import org.jspecify.annotations.NullMarked;
