package org.imrworkbench.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.Hit;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.compare.CompareView;
import org.imrworkbench.ui.compare.CompareViewModel;
import org.imrworkbench.ui.importing.ImportDialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens one component in a 1440×900 window on a library of the bundled samples and the corpus, for looking at it and
 * taking screenshots under Xvfb: {@code java -cp ... org.imrworkbench.ui.ComponentShots compare|import|tags [w h]}.
 * Not a test; a developer's tool.
 */
public final class ComponentShots {

    private static String component = "compare";
    private static double width = 1440;
    private static double height = 900;

    public static void main(String[] args) {
        if (args.length > 0) {
            component = args[0];
        }
        if (args.length > 2) {
            width = Double.parseDouble(args[1]);
            height = Double.parseDouble(args[2]);
        }
        Application.launch(App.class);
    }

    /** The window (the launcher class itself must not be an Application, or the java command refuses it). */
    public static final class App extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("imr-shots");
        Library library = Library.open(dir.resolve("library.db"));
        List<Path> sources = new ArrayList<>(List.of(Path.of("resources/samples")));
        Path corpus = Path.of(System.getProperty("imr.shared", "../shared"), "corpus", "letters");
        if (Files.isDirectory(corpus)) {
            sources.add(corpus);
        }
        Background background = Background.forFx();
        if (component.equals("import")) {
            // the import itself is the subject: the samples, the corpus and a folder of bad files, through the dialog
            sources.add(badFiles(dir));
            stage.setTitle("IMR Workbench");
            stage.setScene(ComponentStyles.apply(new Scene(new StackPane(new Label("IMR Workbench")), width,
                    height)));
            stage.show();
            ImportDialog dialog = new ImportDialog(stage, new ImportService(library), background);
            dialog.start(sources);
            Stage window = dialog.stage();
            System.out.printf("dialog at %.0fx%.0f+%.0f+%.0f%n", window.getWidth(), window.getHeight(), window.getX(),
                    window.getY());
            return;
        }
        new ImportService(library).importPaths(sources, ProgressListener.NONE, new Cancellation());
        Parent root = switch (component) {
            case "compare" -> compare(library, background);
            case "tags" -> tags(library, background);
            default -> throw new IllegalArgumentException("compare, import or tags");
        };
        stage.setTitle("IMR Workbench — " + component);
        stage.setScene(ComponentStyles.apply(new Scene(root, width, height)));
        stage.show();
        stage.setOnHidden(e -> Platform.exit());
    }

    /**
     * A folder of files that are not letters: an empty PDF, random bytes, a text file named .pdf, a PDF cut short as
     * an interrupted download leaves it (its reason says what to do).
     */
    private static Path badFiles(Path dir) throws java.io.IOException {
        Path bad = Files.createDirectories(dir.resolve("downloads"));
        Files.write(bad.resolve("scan-2017-03-02.pdf"), new byte[0]);
        byte[] noise = new byte[2048];
        new java.util.Random(1).nextBytes(noise);
        noise[3] = 0;
        Files.write(bad.resolve("attachment.txt"), noise);
        Files.writeString(bad.resolve("IMR_final_determination.pdf"), "Final Determination Letter (copy)");
        Files.write(bad.resolve("CM17-0012345 final determination (downloaded 2017-03-02).pdf"),
                org.imrworkbench.testutil.BadPdfs.truncated());
        Path sample = Path.of("resources/samples/001_3f4423a28dc9491d.txt");
        Files.copy(sample, bad.resolve("letter from adjuster.txt"));
        return bad;
    }

    /** A few tags on the library's first cases and items, with colours. */
    private static Parent tags(Library library, Background background) {
        List<String> ids = library.caseIds();
        String[][] tags = {{"appeal", "#d1242f"}, {"to review", null}, {"opioid taper", "#1a7f37"},
                {"Dr. Lee's cases", "#0969da"}, {"follow up", null}, {"follow-up", null}};
        for (int i = 0; i < ids.size(); i++) {
            library.tags().tagCase(ids.get(i), tags[i % tags.length][0]);
            if (i % 3 == 0) {
                library.tags().tagItem(ids.get(i), 1, tags[(i + 2) % tags.length][0]);
            }
        }
        for (String[] tag : tags) {
            if (tag[1] != null) {
                library.tags().recolour(tag[0], tag[1]);
            }
        }
        org.imrworkbench.ui.tags.TagManagerViewModel model =
                new org.imrworkbench.ui.tags.TagManagerViewModel(library, background);
        model.refresh();
        return new org.imrworkbench.ui.tags.TagManagerView(model);
    }

    /** Three items of the library's most frequent drug, upheld and overturned, and the similar decisions of one. */
    private static Parent compare(Library library, Background background) {
        SearchService search = new SearchService(library);
        CompareViewModel model = new CompareViewModel(library, search, background);
        // the drug with the most even split of upheld and overturned decisions
        String drug = null;
        int best = -1;
        for (String candidate : search.facets("").drugs().keySet()) {
            Map<String, Integer> d = search.facets("drug:\"" + candidate + "\"").decisions();
            int even = Math.min(d.getOrDefault("UPHELD", 0), d.getOrDefault("OVERTURNED", 0));
            if (even > best) {
                best = even;
                drug = candidate;
            }
        }
        List<Hit> picks = new ArrayList<>();
        picks.addAll(search.search("drug:\"" + drug + "\" decision:upheld", 2).hits());
        picks.addAll(search.search("drug:\"" + drug + "\" decision:overturned", 1).hits());
        if (best == 0) {
            // no overturned decision on any one drug: an overturned item of the same category, or any
            String category = search.facets("drug:\"" + drug + "\"").categories().keySet().iterator().next();
            List<Hit> overturned = search.search("category:" + category + " decision:overturned", 1).hits();
            picks.addAll(overturned.isEmpty() ? search.search("decision:overturned", 1).hits() : overturned);
        }
        for (Hit hit : picks) {
            model.add(hit.id(), hit.item());
        }
        if (!picks.isEmpty()) {
            model.showSimilar(picks.get(0).id(), picks.get(0).item());
        }
        return new CompareView(model);
    }
    }
}
