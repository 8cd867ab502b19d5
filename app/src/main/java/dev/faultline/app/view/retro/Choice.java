package dev.faultline.app.view.retro;

/** One entry of a link chooser: the key of what it links to ("" for nothing) and its label for people. */
record Choice(String key, String label) {

    @Override
    public String toString() {
        return label;
    }
}
