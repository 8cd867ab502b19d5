package dev.faultline.app.view.document;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the file lifecycle keeps in the user's preferences. */
public interface DocumentPreferences {

    /** The recent files, newest first, as absolute paths. */
    List<String> recentFiles();

    void setRecentFiles(List<String> files);

    /** The folder a file was last opened from or saved to. */
    @Nullable
    String lastFolder();

    void setLastFolder(String folder);
}
