package org.imrworkbench.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows fitted to the screen: a remembered place moved in from the edges, a dialog taller than the screen cut. */
@ExtendWith(ApplicationExtension.class)
class ScreenFitTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 30, 1024, 670);

    @Test
    void aWindowLargerThanTheScreenIsMadeAsLargeAsItAndAWindowOffItsEdgeIsMovedIn() {
        assertThat(ScreenFit.fit(1440, 900, 300, 200, SCREEN)).isEqualTo(new Rectangle2D(0, 30, 1024, 670));
        assertThat(ScreenFit.fit(800, 600, 600, 400, SCREEN)).isEqualTo(new Rectangle2D(224, 100, 800, 600));
        assertThat(ScreenFit.fit(800, 600, -50, 0, SCREEN)).isEqualTo(new Rectangle2D(0, 30, 800, 600));
        // not placed yet: centred
        assertThat(ScreenFit.fit(800, 600, Double.NaN, Double.NaN, SCREEN))
                .isEqualTo(new Rectangle2D(112, 65, 800, 600));
        // a window that fits, where it fits, stays
        assertThat(ScreenFit.fit(800, 600, 100, 50, SCREEN)).isEqualTo(new Rectangle2D(100, 50, 800, 600));
    }

    @Test
    void aDialogTallerAndWiderThanTheScreenIsShownInsideIt(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            Region content = new Region();
            content.setPrefSize(screen.getWidth() + 300, screen.getHeight() + 200);
            dialog[0] = new Stage();
            dialog[0].setScene(new Scene(content));
            ScreenFit.keepInside(dialog[0]);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage d = dialog[0];
        try {
            assertThat(screen.contains(new Rectangle2D(d.getX(), d.getY(), d.getWidth(), d.getHeight())))
                    .as(d.getX() + "," + d.getY() + " " + d.getWidth() + "x" + d.getHeight() + " in " + screen).isTrue();
        } finally {
            robot.interact(d::close);
        }
    }
}
