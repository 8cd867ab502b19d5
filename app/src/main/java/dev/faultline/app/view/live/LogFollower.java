package dev.faultline.app.view.live;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The event log follows its newest line (the runner's and a follower's alike), unless the person
 * scrolled up to read: then it keeps their place, counts the lines that came since, and {@link
 * #jumpToLatest} takes it back to the newest (and following again). Scrolling back down to the last
 * line follows again too. Only the person's own scrolling (wheel, scroll bar, keys) decides; lines
 * that come in never do.
 */
final class LogFollower {
    private final ListView<String> list;
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(0);
    private final Runnable afterLayout = this::judgeAfterLayout;
    /** The person scrolled: judge where the list is once that is laid out. */
    private boolean judgePending;

    LogFollower(ListView<String> list) {
        this.list = list;
        list.getItems().addListener((ListChangeListener<String>) c -> {
            if (list.getItems().isEmpty()) {
                following.set(true); // a new run's log
                unseen.set(0);
                return;
            }
            if (following.get()) {
                // after the list's skin has taken the change: a scroll now would miss the new line
                Platform.runLater(this::toEnd);
            } else {
                int added = 0;
                while (c.next()) {
                    added += c.getAddedSize();
                }
                unseen.set(unseen.get() + added);
            }
        });
        // judged after the layout pass that follows the person's scrolling: before it, the list still
        // shows the cells of before (a key's scroll is laid out on the next pulse, not by runLater)
        list.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (list.getScene() != null) {
            list.getScene().addPostLayoutPulseListener(afterLayout);
        }
        list.addEventHandler(ScrollEvent.SCROLL, e -> judgeLater());
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> judgeLater()); // the scroll bar dragged or clicked
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> judgeLater());
        list.addEventHandler(KeyEvent.KEY_RELEASED, e -> judgeLater());
    }

    /** Whether the log follows its newest line. */
    ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** Lines that came since the person scrolled up. */
    ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Back to the newest line, following again. */
    void jumpToLatest() {
        following.set(true);
        unseen.set(0);
        toEnd();
    }

    private void toEnd() {
        if (following.get() && !list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    /** After the person's scrolling has been laid out (the next pulse): following when the last line is in view. */
    private void judgeLater() {
        judgePending = true;
        Platform.requestNextPulse();
    }

    private void judgeAfterLayout() {
        if (!judgePending) {
            return;
        }
        judgePending = false;
        boolean atEnd = lastLineShown();
        if (atEnd != following.get()) {
            following.set(atEnd);
            if (atEnd) {
                unseen.set(0);
            }
        }
    }

    /** Whether the newest line is (at least partly) in view. */
    boolean lastLineShown() {
        int size = list.getItems().size();
        if (size == 0) {
            return true;
        }
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= size - 1;
    }
}
