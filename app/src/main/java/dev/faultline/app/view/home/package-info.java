/** The home screen. */
@NullMarked
package dev.faultline.app.view.home;

import org.jspecify.annotations.NullMarked;
