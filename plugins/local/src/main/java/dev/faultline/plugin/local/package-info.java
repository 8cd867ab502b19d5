@NullMarked
package dev.faultline.plugin.local;

import org.jspecify.annotations.NullMarked;
