/** Pieces every screen uses. */
@NullMarked
package dev.faultline.app.view.common;

import org.jspecify.annotations.NullMarked;
