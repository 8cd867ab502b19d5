package dev.faultline.app.view.document;

/** What a document is, as people name it and as its autosave file is named. */
public enum DocumentKind {
    EXPERIMENT("experiment"),
    GAMEDAY("GameDay plan");

    private final String noun;

    DocumentKind(String noun) {
        this.noun = noun;
    }

    /** "experiment", "GameDay plan". */
    public String noun() {
        return noun;
    }

    /** The base name of its autosave files. */
    String autosaveName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
