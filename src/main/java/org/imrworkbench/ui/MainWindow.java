package org.imrworkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.ui.analytics.AnalyticsView;
import org.imrworkbench.ui.analytics.AnalyticsViewModel;
import org.imrworkbench.ui.browser.BrowserView;
import org.imrworkbench.ui.browser.BrowserViewModel;
import org.imrworkbench.ui.casefile.CaseView;
import org.imrworkbench.ui.casefile.CaseViewModel;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.FileDialogs;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.ScreenFit;
import org.imrworkbench.ui.common.RowScroll;
import org.imrworkbench.ui.common.UserMessages;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ui.analytics.PrecedentsView;
import org.imrworkbench.ui.analytics.PrecedentsViewModel;
import org.imrworkbench.ui.compare.CompareView;
import org.imrworkbench.ui.compare.CompareViewModel;
import org.imrworkbench.ui.exporting.ExportDialog;
import org.imrworkbench.ui.importing.ImportDialog;
import org.imrworkbench.ui.importing.ImportDropSupport;
import org.imrworkbench.ui.tags.TagManagerDialog;
import org.imrworkbench.ui.exporting.ExportViewModel;

import java.util.List;
import java.util.Objects;

/**
 * The main window: menus, the search bar, facet filters beside the case table, and the case view below it.
 * Remembers its size, split positions, theme and last case.
 */
public final class MainWindow {

    /** The library's backups: what Backup writes and Restore offers. */
    private static final FileDialogs.Filter BACKUPS = FileDialogs.Filter.of("Library backups (*.db)", "*.db");

    private final Stage stage;
    private final Library library;
    private final Settings settings;
    private final Background background;
    private final FileDialogs files;
    private final SearchService search;
    private final BrowserViewModel browserVm;
    private final BrowserView browser;
    private final CaseViewModel caseVm;
    private final CaseView caseView;
    private final SplitPane sideSplit;
    private final SplitPane mainSplit;
    private final TabPane tabs = new TabPane();
    private final CompareViewModel compareVm;
    private final Tab compareTab;
    private final Tab analyticsTab;
    private final Scene scene;
    private java.util.function.Consumer<java.nio.file.Path> onRestore = backup -> { };
    private Tab precedentsTab;
    /** The case a search left out of the list and the item it was on, to come back to when it is listed again. */
    private String hiddenCase;
    private int hiddenItem;

    public MainWindow(Stage stage, Library library, Settings settings, Background background) {
        this(stage, library, settings, background, FileDialogs.system());
    }

    /** A window whose file and folder choosers are {@code files} (a test's answers, or the system's dialogs). */
    public MainWindow(Stage stage, Library library, Settings settings, Background background, FileDialogs files) {
        this.stage = stage;
        this.library = library;
        this.settings = settings;
        this.background = background;
        this.files = files;
        this.search = new SearchService(library);
        this.browserVm = new BrowserViewModel(library, search, background);
        this.browser = new BrowserView(browserVm);
        this.caseVm = new CaseViewModel(library, background);
        this.caseView = new CaseView(caseVm);

        browser.table().setMinHeight(120);
        caseView.setMinHeight(240);
        mainSplit = new SplitPane(browser.table(), new StackPane(caseView, browser.notListedNotice()));
        mainSplit.setOrientation(Orientation.VERTICAL);

        sideSplit = new SplitPane(browser.facets(), mainSplit);
        SplitPane.setResizableWithParent(browser.facets().getParent() == null ? browser.facets() : browser.facets(),
                false);

        Tab libraryTab = new Tab("Library", sideSplit);
        libraryTab.setClosable(false);
        libraryTab.setId("library-tab");
        compareVm = new CompareViewModel(library, search, background);
        compareTab = new Tab("Compare", new CompareView(compareVm));
        compareTab.setClosable(false);
        compareTab.setId("compare-tab");
        compareTab.textProperty().bind(javafx.beans.binding.Bindings.size(compareVm.items())
                .asString("Compare (%d)"));
        tabs.getTabs().addAll(libraryTab, compareTab);
        analyticsTab = analyticsTab(libraryTab);
        tabs.getTabs().add(analyticsTab);

        BorderPane root = new BorderPane(tabs);
        root.setTop(new VBox(menuBar(), browser.searchBar()));
        scene = new Scene(root);
        for (String css : List.of("workbench.css", "components.css")) {
            scene.getStylesheets().add(Objects.requireNonNull(
                    MainWindow.class.getResource("/org/imrworkbench/ui/" + css)).toExternalForm());
        }
        ImportDropSupport.install(root, this::importPaths);
        shortcuts();
        wire();
    }

    public Scene scene() {
        return scene;
    }

    public BrowserViewModel browser() {
        return browserVm;
    }

    public CaseViewModel caseFile() {
        return caseVm;
    }

    /**
     * Shows the window where it was last, at its last size, on the last case, and loads the case list. A size or
     * place remembered from a larger screen is made to fit inside this one's visual bounds (without the task bar).
     */
    public void show() {
        applyTheme(settings.getBoolean("theme.dark", false));
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        boolean placed = !Double.isNaN(x) && !Double.isNaN(y);
        List<Screen> screens = placed ? Screen.getScreensForRectangle(x, y, 100, 100) : List.of();
        Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        Rectangle2D bounds = ScreenFit.fit(settings.getDouble("window.width", 1440), settings.getDouble("window.height", 900),
                screens.isEmpty() ? Double.NaN : x, screens.isEmpty() ? Double.NaN : y, screen);
        stage.setScene(scene);
        stage.setTitle("IMR Workbench");
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        if (!screens.isEmpty()) {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
        stage.show();
        // after the first layout pass, which would otherwise move the dividers to the panes' preferred sizes
        Platform.runLater(() -> {
            sideSplit.setDividerPositions(settings.getDouble("split.facets", 0.17));
            mainSplit.setDividerPositions(settings.getDouble("split.table", defaultTableSplit()));
            caseView.body().setDividerPositions(settings.getDouble("split.case", 0.45));
        });
        stage.setOnCloseRequest(e -> remember());
        browserVm.refresh();
        String last = settings.get("case.last", null);
        if (last != null) {
            caseVm.load(last, (int) settings.getDouble("case.lastItem", 0));
        }
    }

    /** The window's least size, where the screen is larger. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** How many cases the table shows by default, on a short screen too. */
    static final int TABLE_ROWS = 5;

    /**
     * The table's share of the height it splits with the case view when none is remembered: 30%, or enough for
     * {@link #TABLE_ROWS} cases where 30% is less (a laptop's short screen).
     */
    private double defaultTableSplit() {
        double height = mainSplit.getHeight();
        if (height <= 0) {
            return 0.30;
        }
        Region header = (Region) browser.table().lookup(".column-header-background");
        double headerHeight = header == null ? 2.5 * browser.searchField().getFont().getSize() : header.getHeight();
        // the dense table's rows are 2em high (the theme's -fx-cell-size), its border a pixel each side
        double rows = TABLE_ROWS * 2 * browser.searchField().getFont().getSize();
        // the divider (a few pixels) is part of the split's height, not of the table's
        return Math.min(0.6, Math.max(0.30, (headerHeight + rows + 4) / (height - 8)));
    }

    /** Selects a case in the table (when it is listed) and shows it with one of its items. */
    public void selectCase(String id, int itemIndex) {
        var rows = browser.table().getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                browser.table().getSelectionModel().clearAndSelect(i);
                RowScroll.showNear(browser.table(), i, 2);
                break;
            }
        }
        caseVm.load(id, itemIndex);
    }

    /** Writes the window's geometry, splits and last case to the settings. */
    public void remember() {
        settings.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.putDouble("window.width", stage.getWidth());
            settings.putDouble("window.height", stage.getHeight());
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
        }
        settings.putDouble("split.facets", sideSplit.getDividerPositions()[0]);
        settings.putDouble("split.table", mainSplit.getDividerPositions()[0]);
        settings.putDouble("split.case", caseView.body().getDividerPositions()[0]);
        var record = caseVm.recordProperty().get();
        boolean hidden = record == null && !browserVm.notListedProperty().get().isEmpty();
        settings.put("case.last", record != null ? record.id() : hidden ? hiddenCase : null);
        settings.putDouble("case.lastItem", hidden ? hiddenItem : caseVm.selectedIndexProperty().get());
        settings.flush();
    }

    private void wire() {
        browser.table().getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            var shown = caseVm.recordProperty().get();
            // the case in view selected again after a search that lists it is not loaded again
            if (now != null && (shown == null || !shown.id().equals(now.id()))) {
                caseVm.load(now.id(), now.id().equals(hiddenCase) ? hiddenItem : 0);
            }
        });
        caseVm.recordProperty().addListener((obs, old, now) -> {
            if (now != null) {
                browserVm.read(now.id());
                if (!now.id().equals(hiddenCase)) {
                    hiddenCase = null;
                }
            }
        });
        // a search that leaves out the case in view: the case view shows the browser's notice instead of it
        browserVm.notListedProperty().addListener((obs, old, now) -> {
            var shown = caseVm.recordProperty().get();
            if (!now.isEmpty() && shown != null) {
                hiddenCase = shown.id();
                hiddenItem = caseVm.selectedIndexProperty().get();
                caseVm.load(null, -1);
            }
        });
        caseVm.highlightQueryProperty().bind(browserVm.queryProperty());
        caseVm.changesProperty().addListener((obs, old, now) -> browserVm.refresh());
        caseView.setOnCompare(this::compare);
        PrecedentsViewModel precedentsVm = new PrecedentsViewModel(new Analytics(library, search), background);
        PrecedentsView precedents = new PrecedentsView(precedentsVm);
        precedents.setOnCompare(ref -> compareVm.add(ref.id(), ref.item()));
        precedents.setOnOpen(ref -> selectCase(ref.id(), ref.item() - 1));
        precedentsTab = new Tab("Precedents", precedents);
        precedentsTab.setId("precedents-tab");
        caseView.addTab(precedentsTab);
        // precedents are looked up only while their tab is open
        Runnable refreshPrecedents = () -> {
            var record = caseVm.recordProperty().get();
            var item = caseVm.selectedItemProperty().get();
            if (precedentsTab.isSelected()) {
                precedentsVm.load(record == null ? null : record.id(), item == null ? null : item.number());
            }
        };
        caseVm.selectedItemProperty().addListener((obs, old, now) -> refreshPrecedents.run());
        precedentsTab.selectedProperty().addListener((obs, old, now) -> refreshPrecedents.run());
    }

    /**
     * The analytics tab: the outcomes of the library's current search, refreshed when the tab is shown or the search
     * changes while it is; choosing a row or bar narrows the search and shows the library.
     */
    private Tab analyticsTab(Tab libraryTab) {
        AnalyticsViewModel vm = new AnalyticsViewModel(new Analytics(library, search), background);
        Tab tab = new Tab("Analytics", new AnalyticsView(vm, files));
        tab.setClosable(false);
        tab.setId("analytics-tab");
        vm.queryProperty().bind(browserVm.queryProperty());
        tab.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                vm.refresh();
            }
        });
        vm.queryProperty().addListener((obs, old, now) -> {
            if (tab.isSelected()) {
                vm.refresh();
            }
        });
        vm.setOnFilter(query -> {
            browserVm.queryProperty().set(query);
            browserVm.refresh();
            tabs.getSelectionModel().select(libraryTab);
        });
        return tab;
    }

    /** Shows the precedents of the item in view. */
    public void showPrecedents() {
        caseView.selectTab(precedentsTab);
    }

    /** Adds an item of the case in view to the comparison. */
    private void compare(org.imrworkbench.model.Item item) {
        var record = caseVm.recordProperty().get();
        if (record != null && item != null) {
            compareVm.add(record.id(), item.number());
        }
    }

    /** Imports files and folders in the import dialog, then refreshes the case list. */
    public void importPaths(List<java.nio.file.Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        ImportDialog dialog = new ImportDialog(stage, new ImportService(library), background);
        dialog.onFinished(report -> browserVm.refresh());
        dialog.start(paths);
    }

    /** Shows the analytics tab (on the current search). */
    public void showAnalytics() {
        tabs.getSelectionModel().select(analyticsTab);
    }

    public CompareViewModel compare() {
        return compareVm;
    }

    private void shortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            browser.searchField().requestFocus();
            browser.searchField().selectAll();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), caseVm::nextItem);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), caseVm::previousItem);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.ALT_DOWN),
                () -> stepCase(1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.ALT_DOWN),
                () -> stepCase(-1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), caseVm::undo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                caseView::focusCaseTagField);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> compare(caseVm.selectedItemProperty().get()));
    }

    /** Selects the next ({@code +1}) or previous ({@code -1}) case of the table. */
    private void stepCase(int direction) {
        var selection = browser.table().getSelectionModel();
        int next = Math.max(0, Math.min(browser.table().getItems().size() - 1, selection.getSelectedIndex() + direction));
        if (!browser.table().getItems().isEmpty()) {
            selection.clearAndSelect(next);
            RowScroll.reveal(browser.table(), next);
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            remember();
            stage.close();
        });
        MenuItem export = new MenuItem("Export binder, CSV or JSON…");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> openExport());
        MenuItem importFiles = new MenuItem("Import letters…");
        importFiles.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        importFiles.setOnAction(e -> importPaths(ImportDialog.chooseFiles(files, stage)));
        MenuItem importFolder = new MenuItem("Import a folder…");
        importFolder.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        importFolder.setOnAction(e -> importPaths(ImportDialog.chooseFolder(files, stage)));
        MenuItem backup = new MenuItem("Back up the library…");
        backup.setOnAction(e -> backUp());
        MenuItem restore = new MenuItem("Restore from a backup…");
        restore.setOnAction(e -> chooseBackupToRestore());
        file.getItems().addAll(importFiles, importFolder, new SeparatorMenuItem(), export, new SeparatorMenuItem(),
                backup, restore, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = new MenuItem("Undo annotation change");
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(caseVm.canUndoProperty().not());
        undo.setOnAction(e -> caseVm.undo());
        MenuItem tagSelected = new MenuItem("Tag selected cases…");
        tagSelected.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        tagSelected.setOnAction(e -> tagSelectedCases());
        MenuItem manageTags = new MenuItem("Manage tags…");
        manageTags.setOnAction(e -> {
            TagManagerDialog dialog = new TagManagerDialog(stage, library, background);
            dialog.onChanged(() -> {
                browserVm.refresh();
                caseVm.reload();
            });
            dialog.show();
        });
        MenuItem compareItem = new MenuItem("Compare the current item");
        compareItem.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        compareItem.setOnAction(e -> compare(caseVm.selectedItemProperty().get()));
        edit.getItems().addAll(undo, new SeparatorMenuItem(), tagSelected, manageTags, new SeparatorMenuItem(),
                compareItem);

        Menu view = new Menu("_View");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setSelected(settings.getBoolean("theme.dark", false));
        dark.selectedProperty().addListener((obs, old, now) -> {
            settings.putBoolean("theme.dark", now);
            applyTheme(now);
        });
        MenuItem nextItem = new MenuItem("Next item");
        nextItem.setAccelerator(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        nextItem.setOnAction(e -> caseVm.nextItem());
        MenuItem previousItem = new MenuItem("Previous item");
        previousItem.setAccelerator(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        previousItem.setOnAction(e -> caseVm.previousItem());
        MenuItem nextCase = new MenuItem("Next case");
        nextCase.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.ALT_DOWN));
        nextCase.setOnAction(e -> stepCase(1));
        MenuItem previousCase = new MenuItem("Previous case");
        previousCase.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.ALT_DOWN));
        previousCase.setOnAction(e -> stepCase(-1));
        MenuItem find = new MenuItem("Search");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> browser.searchField().requestFocus());
        view.getItems().addAll(find, new SeparatorMenuItem(), nextItem, previousItem, nextCase, previousCase,
                new SeparatorMenuItem(), dark);

        Menu help = new Menu("_Help");
        MenuItem syntax = new MenuItem("Search syntax");
        syntax.setOnAction(e -> table("Search syntax", "Words and \"exact phrases\" are looked for in the case "
                + "summaries, the requests, the guidelines cited and the rationales; filters narrow the items.",
                SEARCH_SYNTAX));
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> table("Keyboard shortcuts", null, SHORTCUTS));
        MenuItem about = new MenuItem("About IMR Workbench");
        String version = MainWindow.class.getPackage().getImplementationVersion();
        about.setOnAction(e -> info("About IMR Workbench", "IMR Workbench "
                + (version == null ? "(development build)" : version) + " — a workstation for California "
                + "workers' compensation Independent Medical Review determination letters.\n\nLibrary: "
                + library.file() + "\nEverything stays on this computer: the app opens no network connection."));
        help.getItems().addAll(syntax, keys, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * What restoring a backup does: the app closes this window and its library, restores and reopens. The window
     * only chooses and checks the backup.
     */
    public void setOnRestore(java.util.function.Consumer<java.nio.file.Path> onRestore) {
        this.onRestore = onRestore;
    }

    /** Writes a checked backup copy of the library beside it (or where the user chooses). */
    private void backUp() {
        java.nio.file.Path suggested = Library.suggestedBackupFile(library.file());
        files.save(stage, FileDialogs.Request.titled("Back up the library").in(suggested.getParent())
                        .named(suggested.getFileName().toString()).filters(BACKUPS))
                .ifPresent(target -> background.run(() -> library.backup(target), info -> info("Backup written",
                                "Backed up " + Labels.count(info.cases(), "case") + " and "
                                        + Labels.count(info.annotations(), "annotation") + " to\n" + info.file()),
                        failure -> info("Backup failed", UserMessages.of(failure))));
    }

    private void chooseBackupToRestore() {
        files.open(stage, FileDialogs.Request.titled("Restore the library from a backup")
                        .in(library.file().toAbsolutePath().getParent()).filters(BACKUPS))
                .ifPresent(chosen -> background.run(() -> Library.verifyBackup(chosen), info -> {
                    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Replace the library with this backup of "
                            + Labels.count(info.cases(), "case") + " and "
                            + Labels.count(info.annotations(), "annotation")
                            + "?\n\nThe current library is kept beside it as a copy.");
                    confirm.initOwner(stage);
                    confirm.setHeaderText("Restore from " + chosen.getFileName());
                    confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK)
                            .ifPresent(ok -> onRestore.accept(chosen));
                }, failure -> info("This backup cannot be restored", UserMessages.of(failure))));
    }

    /** Opens the export dialog on the table's selection, the current search, a tag or the whole library. */
    public void openExport() {
        List<String> ids = browser.table().getSelectionModel().getSelectedItems().stream()
                .map(CaseSummary::id).toList();
        String query = browserVm.queryProperty().get();
        background.run(() -> library.tags().list().stream().map(u -> u.tag().name()).toList(), tags ->
                new ExportDialog(stage, new ExportViewModel(new ExportService(library, search), background), files, ids, query,
                        tags)
                        .show(), failure -> info("Export", UserMessages.of(failure)));
    }

    /** Adds a tag to every selected case of the table at once. */
    private void tagSelectedCases() {
        List<String> ids = browser.table().getSelectionModel().getSelectedItems().stream()
                .map(CaseSummary::id).toList();
        if (ids.isEmpty()) {
            info("Tag selected cases", "Select one or more cases in the table first (Shift or Ctrl+click).");
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(stage);
        dialog.setTitle("Tag selected cases");
        dialog.setHeaderText("Tag " + ids.size() + (ids.size() == 1 ? " case" : " cases"));
        dialog.setContentText("Tag:");
        dialog.showAndWait().map(String::strip).filter(t -> !t.isEmpty()).ifPresent(tag ->
                background.run(() -> {
                    ids.forEach(id -> library.tags().tagCase(id, tag));
                    return ids.size();
                }, n -> {
                    browserVm.refresh();
                    caseVm.reload();
                }, failure -> info("Tagging failed", UserMessages.of(failure))));
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(560);
        alert.getDialogPane().setContent(body);
        alert.showAndWait();
    }

    /** The search language, as the help shows it: what to type (alternatives between dots), and what it finds. */
    static final String[][] SEARCH_SYNTAX = {
        {"knee injection", "both words, anywhere in the case"},
        {"\"home exercise program\"", "the exact phrase"},
        {"acupunct*", "words beginning so"},
        {"tramadol OR gabapentin", "either word"},
        {"-knee", "not this word"},
        {"decision:upheld · decision:overturned", "the reviewer's decision"},
        {"category:opioid", "the treatment category (imaging, physical_therapy, ...)"},
        {"drug:norco · drug:hydrocodone", "a drug by brand or generic name"},
        {"generic:cyclobenzaprine · generic:hydrocodone/acetaminophen",
            "exactly this generic (not the combinations containing it)"},
        {"guideline:mtus · guideline:odg · guideline:acoem", "the guideline source cited"},
        {"section:\"Opioids, criteria for use\"", "a guideline section cited"},
        {"specialty:\"family practice\"", "the reviewer's specialty or subspecialty, containing the words"},
        {"board:\"Family Practice\"", "exactly this board specialty of the reviewer"},
        {"state:CA · state:texas", "the state the reviewer is licensed in"},
        {"tag:appeal", "a tag on the case or the item"},
        {"year:2017", "the year of the decision or of the injury"},
        {"decided:2017 · decided:2017-02", "the decision's year, or month"},
        {"has:warnings", "cases whose parse left warnings (text not placed, a value guessed): letters to check"},
        {"has:notes", "cases with a highlight or a note"},
        {"category:opioid category:nsaid", "either value of one filter"},
        {"guideline:mtus +guideline:odg", "both: + requires a value as well"},
        {"-category:opioid", "not these items"},
    };

    /** The shortcuts, as the help shows them: written as the menus show theirs. */
    static final String[][] SHORTCUTS = {
        {"Ctrl+F", "search"},
        {"Ctrl+I", "import letters"},
        {"Ctrl+Shift+I", "import a folder"},
        {"Ctrl+E", "export cases"},
        {"Alt+↓ · Alt+↑", "next, previous item"},
        {"Alt+Page Down · Alt+Page Up", "next, previous case"},
        {"Ctrl+H", "highlight the selected text"},
        {"Ctrl+Shift+H", "highlight it with a note"},
        {"Ctrl+Z", "undo the last annotation change"},
        {"Ctrl+T", "tag the case"},
        {"Ctrl+Shift+T", "tag the selected cases"},
        {"Ctrl+Shift+C", "compare the current item"},
        {"Ctrl+Q", "quit"},
    };

    /** A help dialog of two columns: keys or syntax on the left, in bold, what they do on the right. */
    private void table(String title, String intro, String[][] rows) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        if (intro != null) {
            Label text = new Label(intro);
            text.setWrapText(true);
            text.setMaxWidth(620);
            grid.add(text, 0, row++, 2, 1);
        }
        for (String[] r : rows) {
            Label what = new Label(r[0]);
            what.setStyle("-fx-font-weight: bold;");
            what.setMinWidth(Region.USE_PREF_SIZE);
            Label meaning = new Label(r[1]);
            meaning.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, what, meaning);
        }
        alert.getDialogPane().setContent(grid);
        alert.showAndWait();
    }

    /** Runs on the FX thread now or soon: for calls from workers. */
    static void later(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
