@NullMarked
package dev.faultline.app.fx;

import org.jspecify.annotations.NullMarked;
