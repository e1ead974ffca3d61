package org.imrworkbench.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.DoubleExpression;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wrapping text that breaks lines between words only. JavaFX breaks a line inside a word that is wider than the
 * label ("Cyclobe|nzaprine", "CM16-|02371|63,"); a label wrapped here is never narrower than its longest word in its
 * own font, so its parent makes room for that word (a grid's column grows, a row's neighbours give way). A word
 * wider than a given limit (a list's width, a column's most) is cut short with an ellipsis instead, the whole text
 * in the label's tooltip.
 */
public final class WordWrap {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private WordWrap() {
    }

    /** Wraps {@code label} between words only, however wide its longest word. */
    public static <T extends Labeled> T atSpaces(T label) {
        return atSpaces(label, Double.MAX_VALUE);
    }

    /** Wraps {@code label} between words only; a word wider than {@code widest} pixels is cut short. */
    public static <T extends Labeled> T atSpaces(T label, double widest) {
        return atSpaces(label, new ReadOnlyDoubleWrapper(widest));
    }

    /** Wraps {@code label} between words only; a word wider than {@code widest} (as it changes) is cut short. */
    public static <T extends Labeled> T atSpaces(T label, DoubleExpression widest) {
        label.setWrapText(true);
        Wrap wrap = new Wrap(label, widest);
        InvalidationListener update = o -> wrap.update();
        label.textProperty().addListener(update);
        label.fontProperty().addListener(update);
        label.insetsProperty().addListener(update);
        label.graphicProperty().addListener(update);
        widest.addListener(update);
        wrap.update();
        return label;
    }

    /** The width of the widest word of {@code text} (words: what lies between white space) in {@code font}. */
    public static double longestWord(String text, Font font) {
        double widest = 0;
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            widest = Math.max(widest, TextWidths.of(m.group(), font));
        }
        return widest;
    }

    /** {@code text} with each word wider than {@code room} pixels cut to fit, ending in an ellipsis. */
    static String shorten(String text, Font font, double room) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            String word = m.group();
            if (TextWidths.of(word, font) > room) {
                int keep = word.length() - 1;
                while (keep > 1 && TextWidths.of(word.substring(0, keep) + "\u2026", font) > room) {
                    keep--;
                }
                word = word.substring(0, keep) + "\u2026";
            }
            out.append(word);
            at = m.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** One label's wrapping: its whole text, what it shows, and the tooltip it had before a word was cut. */
    private static final class Wrap {
        private final Labeled label;
        private final DoubleExpression widest;
        private String full;
        private String shown;
        private Tooltip own;
        private Tooltip before;
        private boolean busy;

        Wrap(Labeled label, DoubleExpression widest) {
            this.label = label;
            this.widest = widest;
        }

        void update() {
            if (busy) {
                return;
            }
            busy = true;
            try {
                String text = label.getText();
                if (text == null || text.isEmpty()) {
                    full = text;
                    shown = text;
                    label.setMinWidth(0);
                    return;
                }
                if (!text.equals(shown)) {
                    full = text; // set from outside: the whole text
                }
                Font font = label.getFont();
                double extra = extra();
                double room = widest.get() - extra;
                String display = full;
                if (longestWord(full, font) > room) {
                    display = shorten(full, font, room);
                }
                shown = display;
                if (!display.equals(text)) {
                    label.setText(display);
                }
                tooltip(!display.equals(full));
                // a pixel to spare: the label's own text layout may round where this measure does not
                label.setMinWidth(Math.ceil(Math.min(longestWord(display, font), room) + extra) + 1);
            } finally {
                busy = false;
            }
        }

        /** The label's padding and border, and its graphic beside the text. */
        private double extra() {
            Insets insets = label.getInsets();
            double w = insets.getLeft() + insets.getRight();
            Node graphic = label.getGraphic();
            ContentDisplay display = label.getContentDisplay();
            if (graphic != null && (display == ContentDisplay.LEFT || display == ContentDisplay.RIGHT)) {
                w += graphic.prefWidth(-1) + label.getGraphicTextGap();
            }
            return w;
        }

        /** The whole text in a tooltip while a word is cut, and the label's own tooltip back after. */
        private void tooltip(boolean cut) {
            if (cut) {
                if (own == null) {
                    before = label.getTooltip();
                    own = new Tooltip();
                }
                own.setText(full);
                label.setTooltip(own);
            } else if (own != null) {
                if (label.getTooltip() == own) {
                    label.setTooltip(before);
                }
                own = null;
                before = null;
            }
        }
    }
}
