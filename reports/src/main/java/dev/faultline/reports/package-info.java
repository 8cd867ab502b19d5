/** GameDay and run reports as one self-contained HTML file (SVG charts) and as PDF (vector charts, embedded fonts). */
@NullMarked
package dev.faultline.reports;

import org.jspecify.annotations.NullMarked;
