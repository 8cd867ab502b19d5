@NullMarked
package dev.faultline.app.cli;

import org.jspecify.annotations.NullMarked;
