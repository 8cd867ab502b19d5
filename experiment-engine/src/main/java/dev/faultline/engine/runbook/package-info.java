@NullMarked
package dev.faultline.engine.runbook;

import org.jspecify.annotations.NullMarked;
