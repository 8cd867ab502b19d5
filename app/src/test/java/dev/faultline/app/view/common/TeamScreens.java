package dev.faultline.app.view.common;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Window tests' pictures: a scene as a PNG under target/team-screens, for a person to look at. */
public final class TeamScreens {
    private TeamScreens() {}

    /** Writes {@code scene} as {@code target/team-screens/<name>-<window>.png}. */
    public static Path save(Scene scene, String name, String window) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image =
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "team-screens"));
        Path file = dir.resolve(name + "-" + window + ".png");
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
