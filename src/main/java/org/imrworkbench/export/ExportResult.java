package org.imrworkbench.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param file    the file written
 * @param cases   cases exported
 * @param items   disputed items exported
 * @param pages   pages of a PDF binder (0 for CSV and JSON)
 * @param missing case ids of the selection not in the library (left out of the export)
 */
public record ExportResult(Path file, ExportFormat format, int cases, int items, int pages, List<String> missing) {
    public ExportResult {
        missing = List.copyOf(missing);
    }
}
