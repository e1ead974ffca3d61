package org.imrworkbench.cli;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tag ID [--item N] TAG...} and {@code untag ...}: add or remove tags on a case or an item. */
final class TagCommand {

    private TagCommand() {
    }

    /** The shared arguments and the work of both commands. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        LibraryOption library;

        @Option(names = "--item", paramLabel = "N", description = "Tag item N of the case instead of the case.")
        Integer item;

        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tag names (case-insensitive).")
        List<String> tags;

        abstract boolean apply(Tags tags, String tag);

        abstract String verb();

        @Override
        public Integer call() {
            List<String> changed = new ArrayList<>();
            try (Library lib = library.open()) {
                for (String tag : tags) {
                    if (apply(lib.tags(), tag)) {
                        changed.add(tag.strip());
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            String target = id + (item == null ? "" : " item " + item);
            out.println(changed.isEmpty() ? target + ": no change"
                    : target + ": " + verb() + " " + String.join(", ", changed));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "tag", description = "Add tags to a case or one of its items (tags are created as needed).")
    static final class Add extends Base {
        @Override
        boolean apply(Tags tags, String tag) {
            return item == null ? tags.tagCase(id, tag) : tags.tagItem(id, item, tag);
        }

        @Override
        String verb() {
            return "tagged";
        }
    }

    @Command(name = "untag", description = "Remove tags from a case or one of its items.")
    static final class Remove extends Base {
        @Override
        boolean apply(Tags tags, String tag) {
            return item == null ? tags.untagCase(id, tag) : tags.untagItem(id, item, tag);
        }

        @Override
        String verb() {
            return "untagged";
        }
    }
}
