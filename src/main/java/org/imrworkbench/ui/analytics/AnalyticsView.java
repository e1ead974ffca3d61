package org.imrworkbench.ui.analytics;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.imrworkbench.analytics.Dimension;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.ui.common.FileDialogs;
import org.imrworkbench.ui.common.UserMessages;
import org.imrworkbench.ui.common.OverflowBar;
import org.imrworkbench.ui.common.TextWidths;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The analytics tab: a dimension chooser; a stacked bar chart of upheld and overturned items per value (bars across,
 * so the values' names read level whatever their length, largest first; a chart of many bars scrolls rather than
 * squeezing them) beside a sortable table (counts, overturn rate, 95% Wilson interval, "n&lt;10" for a rate over few items); the decisions per
 * month and the overturn rate below. Clicking a bar or a row narrows the library to those items.
 */
public final class AnalyticsView extends BorderPane {

    /** At most this many bars (the largest values); the table lists every row. */
    static final int MAX_BARS = 25;
    /** The height a bar and its label need, and the rest of the chart (title, legend, count axis). */
    static final double BAR_HEIGHT = 22;
    static final double CHART_FRAME = 120;
    /** The thickest a bar is drawn: a chart of one or two values does not fill its whole height with them. */
    public static final double MAX_BAR_THICKNESS = 32;
    /** The least gap between two bars (JavaFX's default). */
    static final double MIN_CATEGORY_GAP = 10;

    private final AnalyticsViewModel vm;
    private final StackedBarChart<Number, String> chart =
            new StackedBarChart<>(new NumberAxis(), new CategoryAxis());
    private final StackedBarChart<String, Number> monthly =
            new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    /** Made anew for each trend: a line chart's category axis kept stale months when its data was replaced. */
    private LineChart<String, Number> rate = rateChart(List.of());
    private final SplitPane trend;
    private final TableView<OutcomeRow> table = new TableView<>();
    private final Label status = new Label();
    private final FileDialogs files;

    public AnalyticsView(AnalyticsViewModel vm) {
        this(vm, FileDialogs.system());
    }

    /** The view whose "Chart as PNG" and "Table as CSV" ask {@code files} where to save. */
    public AnalyticsView(AnalyticsViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
        setId("analytics-view");
        getStylesheets().add(java.util.Objects.requireNonNull(
                AnalyticsView.class.getResource("analytics.css")).toExternalForm());
        setTop(toolbar());
        chart.setId("analytics-chart");
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.TOP); // in view when a chart of many bars is scrolled
        chart.setAnimated(false);
        chart.getXAxis().setLabel("Decided items");
        integerLabels((NumberAxis) chart.getXAxis());
        integerLabels((NumberAxis) monthly.getYAxis());
        monthly.setId("analytics-monthly");
        monthly.setAnimated(false);
        monthly.setTitle("Decisions per month");
        monthly.setLegendVisible(false);
        buildTable();
        // never shorter than its bars need: a short window scrolls the chart instead
        ScrollPane bars = new ScrollPane(chart);
        bars.setFitToWidth(true);
        bars.setFitToHeight(true);
        bars.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        bars.getStyleClass().add("edge-to-edge");
        bars.setMinWidth(260);
        chart.setMinHeight(CHART_FRAME + 4 * BAR_HEIGHT);
        SplitPane top = new SplitPane(bars, table);
        top.setDividerPositions(0.55);
        top.setMinHeight(CHART_FRAME + 4 * BAR_HEIGHT);
        trend = new SplitPane(monthly, rate);
        trend.setMinHeight(150);
        SplitPane body = new SplitPane(top, trend);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.68);
        setCenter(body);
        // bars no thicker than MAX_BAR_THICKNESS, however few: the rest of each category's room is gap
        chart.getYAxis().heightProperty().addListener((obs, old, now) -> capBars(chart));
        monthly.getXAxis().widthProperty().addListener((obs, old, now) -> capBars(monthly));
        vm.rows().addListener((ListChangeListener<OutcomeRow>) c -> showRows());
        vm.trend().addListener((ListChangeListener<OutcomeRow>) c -> showTrend());
        vm.statusProperty().addListener((obs, old, now) -> status.setText(now));
        vm.dimensionProperty().addListener((obs, old, now) -> vm.refresh());
    }

    private Node toolbar() {
        ComboBox<Dimension> by = new ComboBox<>();
        by.setId("analytics-dimension");
        by.getItems().setAll(Dimension.values());
        by.valueProperty().bindBidirectional(vm.dimensionProperty());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dimension d) {
                return d == null ? "" : d.title();
            }

            @Override
            public Dimension fromString(String s) {
                return Dimension.of(s).orElse(Dimension.CATEGORY);
            }
        });
        Button png = new Button("Chart as PNG…", new FontIcon(Material2AL.IMAGE));
        png.setId("analytics-png");
        png.setOnAction(e -> exportPng());
        Button csv = new Button("Table as CSV…", new FontIcon(Material2AL.GRID_ON));
        csv.setId("analytics-csv");
        csv.setOnAction(e -> exportCsv());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        status.setId("analytics-status");
        status.getStyleClass().add("muted");
        // the status takes the width the others leave (wrapping, at worst cut short with the whole of it in its
        // tooltip); only when that is not enough do the exports go into a "…" menu
        status.setWrapText(true);
        status.setPrefWidth(0);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMaxHeight(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        Label outcomesBy = new Label("Outcomes by");
        outcomesBy.setMinWidth(Region.USE_PREF_SIZE);
        by.setMinWidth(Region.USE_PREF_SIZE);
        OverflowBar exports = new OverflowBar(10, png, csv);
        HBox bar = new HBox(10, outcomesBy, by, busy, status, exports);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private void buildTable() {
        table.setId("analytics-table");
        Label empty = new Label();
        empty.textProperty().bind(vm.emptyRowsProperty());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OutcomeRow, String> key = new TableColumn<>("Value");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.label(c.getValue().key())));
        key.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                // the whole name, which a narrow column cuts ("hydrocodone/acetamin…"), and what a click does
                setTooltip(empty || name == null ? null
                        : new Tooltip(name + "\nClick to show these items in the library"));
            }
        });
        key.setPrefWidth(200);
        key.setMinWidth(110);
        TableColumn<OutcomeRow, Integer> upheld = number("Upheld", OutcomeRow::upheld);
        TableColumn<OutcomeRow, Integer> overturned = number("Overturned", OutcomeRow::overturned);
        TableColumn<OutcomeRow, Integer> total = number("Total", OutcomeRow::total);
        TableColumn<OutcomeRow, OutcomeRow> rateColumn = new TableColumn<>("Rate");
        rateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        rateColumn.setComparator(java.util.Comparator.comparingDouble(OutcomeRow::rate));
        rateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(OutcomeRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("muted");
                if (empty || r == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(AnalyticsViewModel.rateText(r));
                if (r.small()) {
                    getStyleClass().add("muted");
                    setTooltip(new Tooltip(String.format(Locale.ROOT, "%d of %d overturned: too few items for a rate",
                            r.overturned(), r.total())));
                } else {
                    setTooltip(null);
                }
            }
        });
        TableColumn<OutcomeRow, String> interval = new TableColumn<>("95% CI");
        interval.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(AnalyticsViewModel.intervalText(c.getValue())));
        interval.setSortable(false);
        TextWidths.fitColumn(rateColumn, "n<10", 0);
        TextWidths.fitColumn(interval, "100\u2013100%", 0);
        table.getColumns().setAll(List.of(key, upheld, overturned, total, rateColumn, interval));
        // wide enough for every column at its least width (and a scroll bar): the chart gives way, not the table
        table.setMinWidth(table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 16);
        table.setItems(vm.rows());
        table.setRowFactory(t -> {
            TableRow<OutcomeRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    vm.filter(row.getItem());
                }
            });
            row.setTooltip(new Tooltip("Click to show these items in the library"));
            return row;
        });
    }

    private static TableColumn<OutcomeRow, Integer> number(String title,
                                                           java.util.function.ToIntFunction<OutcomeRow> value) {
        TableColumn<OutcomeRow, Integer> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsInt(c.getValue())));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(0);
        TextWidths.fitColumn(column, "00,000", 0);
        return column;
    }

    private void showRows() {
        XYChart.Series<Number, String> upheld = new XYChart.Series<>();
        upheld.setName("Upheld");
        XYChart.Series<Number, String> overturned = new XYChart.Series<>();
        overturned.setName("Overturned");
        List<OutcomeRow> shown = vm.rows().stream().limit(MAX_BARS).toList();
        // the category axis runs upwards, from its first category: the largest value last, to be on top
        List<OutcomeRow> upwards = new java.util.ArrayList<>(shown);
        java.util.Collections.reverse(upwards);
        for (OutcomeRow r : upwards) {
            String label = barLabel(r);
            upheld.getData().add(new XYChart.Data<>(r.upheld(), label, r));
            overturned.getData().add(new XYChart.Data<>(r.overturned(), label, r));
        }
        ((CategoryAxis) chart.getYAxis()).getCategories().setAll(upwards.stream().map(this::barLabel).toList());
        countAxis((NumberAxis) chart.getXAxis(), shown.stream().mapToInt(OutcomeRow::total).max().orElse(0));
        chart.setMinHeight(CHART_FRAME + BAR_HEIGHT * Math.max(4, shown.size()));
        chart.getData().setAll(List.of(upheld, overturned));
        capBars(chart);
        chart.setTitle(vm.dimensionProperty().get().title()
                + (vm.rows().size() > MAX_BARS ? " (the " + MAX_BARS + " largest)" : ""));
        for (XYChart.Series<Number, String> s : chart.getData()) {
            for (XYChart.Data<Number, String> d : s.getData()) {
                OutcomeRow r = (OutcomeRow) d.getExtraValue();
                Node bar = d.getNode();
                if (bar != null) {
                    Tooltip.install(bar, new Tooltip(String.format(Locale.ROOT,
                            "%s: %d upheld, %d overturned, rate %s (95%% CI %s)", vm.label(r.key()), r.upheld(),
                            r.overturned(), AnalyticsViewModel.rateText(r), AnalyticsViewModel.intervalText(r))));
                    bar.setOnMouseClicked(e -> vm.filter(r));
                    bar.setCursor(javafx.scene.Cursor.HAND);
                }
            }
        }
    }

    /** "Opioid (12 · 25%)", "Lab (3 · n<10)": the count and rate are in the label. */
    private String barLabel(OutcomeRow r) {
        String name = vm.label(r.key());
        if (name.length() > 28) {
            name = name.substring(0, 27) + "\u2026";
        }
        return name + " (" + r.total() + " \u00B7 " + AnalyticsViewModel.rateText(r) + ")";
    }

    private void showTrend() {
        XYChart.Series<String, Number> upheld = new XYChart.Series<>();
        upheld.setName("Upheld");
        XYChart.Series<String, Number> overturned = new XYChart.Series<>();
        overturned.setName("Overturned");
        XYChart.Series<String, Number> rates = new XYChart.Series<>();
        rates.setName("Overturn rate");
        for (OutcomeRow r : vm.trend()) {
            upheld.getData().add(new XYChart.Data<>(r.key(), r.upheld()));
            overturned.getData().add(new XYChart.Data<>(r.key(), r.overturned()));
            rates.getData().add(new XYChart.Data<>(r.key(), 100 * r.rate()));
        }
        List<String> months = vm.trend().stream().map(OutcomeRow::key).toList();
        ((CategoryAxis) monthly.getXAxis()).getCategories().setAll(months);
        countAxis((NumberAxis) monthly.getYAxis(), vm.trend().stream().mapToInt(OutcomeRow::total).max().orElse(0));
        monthly.getData().setAll(List.of(upheld, overturned));
        capBars(monthly);
        // JavaFX's line chart placed a new search's points by the months of the one before (a single month's point
        // at the axis's corner, without its label): a new chart with its months set before its points
        double[] dividers = trend.getDividerPositions();
        LineChart<String, Number> fresh = rateChart(months);
        fresh.getData().add(rates);
        trend.getItems().set(trend.getItems().indexOf(rate), fresh);
        trend.setDividerPositions(dividers);
        rate = fresh;
    }

    /**
     * Sets a bar chart's gap between categories so that each bar is at most {@link #MAX_BAR_THICKNESS} thick (a bar
     * is its category's room on the axis less the gap), and never less than {@link #MIN_CATEGORY_GAP} apart. Called
     * again as the axis changes length.
     */
    static void capBars(StackedBarChart<?, ?> chart) {
        CategoryAxis axis = (CategoryAxis) (chart.getXAxis() instanceof CategoryAxis ? chart.getXAxis()
                : chart.getYAxis());
        // the axis's own spacing is known only after its layout; with a gap at its start and end it is this
        double length = axis == chart.getYAxis() ? axis.getHeight() : axis.getWidth();
        double room = length / Math.max(1, axis.getCategories().size());
        if (axis.getCategories().isEmpty() || !(room > 0)) {
            return;
        }
        chart.setCategoryGap(Math.max(MIN_CATEGORY_GAP, room - MAX_BAR_THICKNESS));
    }

    /** The overturn rate by month, over these months. */
    private static LineChart<String, Number> rateChart(List<String> months) {
        LineChart<String, Number> chart = new LineChart<>(
                new CategoryAxis(javafx.collections.FXCollections.observableArrayList(months)),
                new NumberAxis(0, 100, 20));
        chart.setId("analytics-rate");
        chart.setAnimated(false);
        chart.setTitle("Overturn rate by month (%)");
        chart.setLegendVisible(false);
        chart.setCreateSymbols(true);
        return chart;
    }

    /** The chart of the overturn rate by month now shown. */
    LineChart<String, Number> rateChart() {
        return rate;
    }

    /** A chart's value axis labelled as counts: "12", "1,500", never "12.0". */
    private static void integerLabels(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%,d", n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
    }

    /** A chart's value axis in whole numbers up to above {@code max} ({@link CountScale}). */
    private static void countAxis(NumberAxis axis, int max) {
        CountScale scale = CountScale.of(max);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(scale.upper());
        axis.setTickUnit(scale.step());
        axis.setMinorTickVisible(false);
    }

    private void exportPng() {
        files.save(getScene().getWindow(), FileDialogs.Request.titled("Save the chart as PNG")
                        .named("outcomes-by-" + vm.dimensionProperty().get().word() + ".png")
                        .filters(FileDialogs.Filter.of("PNG image", "*.png")))
                .ifPresent(file -> write(file, () -> Png.encode(chart.snapshot(null, null))));
    }

    private void exportCsv() {
        files.save(getScene().getWindow(), FileDialogs.Request.titled("Save the table as CSV")
                        .named("outcomes-by-" + vm.dimensionProperty().get().word() + ".csv")
                        .filters(FileDialogs.Filter.of("CSV", "*.csv")))
                .ifPresent(file -> write(file, () -> vm.csv().getBytes(StandardCharsets.UTF_8)));
    }

    /** Bytes made on the FX thread (a snapshot must be), written there too: a chart or table is small. */
    private void write(Path file, Bytes bytes) {
        try {
            Files.write(file, bytes.get());
            status.setText("Saved " + file.getFileName());
        } catch (IOException e) {
            status.setText("Could not save " + file.getFileName() + ": " + UserMessages.of(e));
        }
    }

    @FunctionalInterface
    private interface Bytes {
        byte[] get() throws IOException;
    }
}
