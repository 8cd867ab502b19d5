@NullMarked
package dev.faultline.app;

import org.jspecify.annotations.NullMarked;
