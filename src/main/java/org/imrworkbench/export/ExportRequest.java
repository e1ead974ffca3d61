package org.imrworkbench.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One export: which cases, to which file, in which format, and (for a binder) how it looks. CSV and JSON use only
 * the options' {@link BinderOptions#order() order}.
 */
public record ExportRequest(Selection selection, Path out, ExportFormat format, BinderOptions options) {

    public ExportRequest {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(out, "out");
        if (format == null) {
            format = ExportFormat.PDF;
        }
        if (options == null) {
            options = BinderOptions.defaults();
        }
    }
}
