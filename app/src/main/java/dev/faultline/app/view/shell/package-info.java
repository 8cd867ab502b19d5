/** The window around the screens: navigation, header, kill switch. */
@NullMarked
package dev.faultline.app.view.shell;

import org.jspecify.annotations.NullMarked;
