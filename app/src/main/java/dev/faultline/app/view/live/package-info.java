/** The live screen. */
@NullMarked
package dev.faultline.app.view.live;

import org.jspecify.annotations.NullMarked;
