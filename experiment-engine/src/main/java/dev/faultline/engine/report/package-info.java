/** Results and reports: JSON for tools, JUnit XML for CI. */
@NullMarked
package dev.faultline.engine.report;

import org.jspecify.annotations.NullMarked;
