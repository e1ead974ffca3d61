package org.imrworkbench.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.imrworkbench.library.Outcome;
import org.imrworkbench.model.Decision;

import java.util.Locale;

/** Decision and outcome badges: a coloured label that always carries its word (never colour alone). */
public final class Badges {

    private Badges() {
    }

    public static Label decision(Decision decision) {
        Label badge = new Label(word(decision));
        badge.getStyleClass().addAll("badge", "badge-" + decision.name().toLowerCase(Locale.ROOT));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    public static String word(Decision decision) {
        return switch (decision) {
            case UPHELD -> "Upheld";
            case OVERTURNED -> "Overturned";
            case UNKNOWN -> "Unknown";
        };
    }

    public static String word(Outcome outcome) {
        return switch (outcome) {
            case ALL_UPHELD -> "All upheld";
            case ALL_OVERTURNED -> "All overturned";
            case MIXED -> "Mixed";
            case NONE -> "—";
        };
    }

    public static Label outcome(Outcome outcome) {
        Label badge = new Label(word(outcome));
        badge.getStyleClass().addAll("badge", "badge-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    /** A small rounded chip, for tags and guideline citations. */
    public static Label chip(String text, String... styleClasses) {
        Label chip = new Label(text);
        chip.getStyleClass().add("chip");
        chip.getStyleClass().addAll(styleClasses);
        return chip;
    }
}
