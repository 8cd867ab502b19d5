@NullMarked
package dev.faultline.engine.run;

import org.jspecify.annotations.NullMarked;
