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
}
