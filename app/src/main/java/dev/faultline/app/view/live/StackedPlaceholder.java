package dev.faultline.app.view.live;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Shows {@code content}, or {@code placeholder} while {@code items} is empty. */
final class StackedPlaceholder extends StackPane {
    StackedPlaceholder(Node content, Node placeholder, ObservableList<?> items) {
        getChildren().addAll(content, placeholder);
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(items));
        content.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(items));
    }

    /**
     * What the empty chart area says: how to start something, or, while a run or GameDay gets ready
     * (the sandbox starting, its orders not yet flowing), that the charts come with its first experiment.
     */
    static javafx.beans.value.ObservableStringValue text(javafx.beans.value.ObservableBooleanValue preparing) {
        return javafx.beans.binding.Bindings.when(preparing)
                .then("Getting ready: the sandbox starts and waits until its orders flow. The probes appear here as"
                        + " charts when the first experiment begins.")
                .otherwise("Start a GameDay, or run an experiment from Home or the editor: its probes appear here as"
                        + " charts.");
    }
}
