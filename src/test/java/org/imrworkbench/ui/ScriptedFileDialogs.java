package org.imrworkbench.ui;

import javafx.stage.Window;
import org.imrworkbench.ui.common.FileDialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * File choosers answered by a test: each dialog the window opens takes the next answer given with {@link #answer}
 * (a path, or {@link #cancel}), and is recorded with what it asked; a dialog no answer was given for fails the test.
 */
public final class ScriptedFileDialogs implements FileDialogs {

    /** A dialog the window opened: which kind, and what it showed. */
    public record Asked(String kind, Request request) {
    }

    private final Deque<Optional<Path>> answers = new ArrayDeque<>();
    private final List<Asked> asked = new ArrayList<>();

    /** The next dialog chooses {@code path}. */
    public synchronized ScriptedFileDialogs answer(Path path) {
        answers.add(Optional.of(path));
        return this;
    }

    /** The next dialog is cancelled. */
    public synchronized ScriptedFileDialogs cancel() {
        answers.add(Optional.empty());
        return this;
    }

    /** The dialogs opened so far, in order. */
    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    private synchronized Optional<Path> next(String kind, Request request) {
        asked.add(new Asked(kind, request));
        if (answers.isEmpty()) {
            throw new AssertionError("the window opened a " + kind + " dialog (" + request.title()
                    + ") that the test gave no answer for");
        }
        return answers.removeFirst();
    }

    @Override
    public Optional<Path> save(Window owner, Request request) {
        return next("save", request);
    }

    @Override
    public Optional<Path> open(Window owner, Request request) {
        return next("open", request);
    }

    @Override
    public List<Path> openMany(Window owner, Request request) {
        return next("openMany", request).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<Path> folder(Window owner, Request request) {
        return next("folder", request);
    }
}
