@NullMarked
package dev.faultline.engine.model;

import org.jspecify.annotations.NullMarked;
