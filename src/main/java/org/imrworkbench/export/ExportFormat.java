package org.imrworkbench.export;

/** What an export writes. */
public enum ExportFormat {
    /** An annotated PDF binder ({@link BinderExporter}). */
    PDF,
    /** One row per disputed item, RFC 4180, UTF-8 with a byte order mark ({@link CsvExporter}). */
    CSV,
    /** A JSON array of the contract's {@code show} objects ({@link CaseJson}). */
    JSON
}
