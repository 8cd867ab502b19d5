package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/** What the layout ITs check of a control: inside the window, and its text not cut to "…". */
final class LayoutAssertions {
    private LayoutAssertions() {}

    /** The node's bounds in its scene. */
    static Bounds bounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Visible, and all of it inside the scene. */
    static void assertInside(Node n, Scene scene) {
        assertThat(n.isVisible() && n.getScene() != null).as(n + " is shown").isTrue();
        Bounds b = bounds(n);
        assertThat(b.getWidth()).as(n + " has a width").isGreaterThan(0);
        assertThat(b.getMinX()).as(n + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as(n + " top edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(n + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(n + " bottom edge").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }

    /** Inside the scene, and its text shown in full (not cut to "…"). */
    static void assertWhole(Node n, Scene scene) {
        assertInside(n, scene);
        assertNotCut(n);
    }

    /** Shown with its text in full (not cut to "…"), maybe further down a page that scrolls. */
    static void assertNotCut(Node n) {
        assertThat(n.isVisible() && n.getScene() != null).as(n + " is shown").isTrue();
        if (n instanceof Region r) {
            assertThat(r.getWidth()).as("the width of " + n).isGreaterThanOrEqualTo(r.prefWidth(-1) - 0.5);
        }
        if (n instanceof Labeled l && !l.getText().isEmpty()) {
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText()).as("the text of " + n).isEqualTo(l.getText());
        }
    }
}
