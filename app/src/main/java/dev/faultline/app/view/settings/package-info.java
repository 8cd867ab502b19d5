/** The settings screen. */
@NullMarked
package dev.faultline.app.view.settings;

import org.jspecify.annotations.NullMarked;
