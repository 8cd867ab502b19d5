@NullMarked
package dev.faultline.plugin.local.proxy;

import org.jspecify.annotations.NullMarked;
