package org.imrworkbench.ingest;

import org.imrworkbench.library.AddResult;

/** What became of one file of an import. */
public sealed interface FileOutcome {

    /** The file as found (the path given, or found inside a folder given). */
    String file();

    /** Imported as a new case {@code id} with {@code items} items. */
    record Imported(String file, String id, int items) implements FileOutcome {
    }

    /** Already in the library as case {@code id}. */
    record Duplicate(String file, String id, AddResult.Reason reason) implements FileOutcome {
    }

    /**
     * Not imported, for a one-line {@code error}; {@code cause} is the technical detail behind it (PDFBox's
     * exception, a defect's), for {@code --debug}, or null.
     */
    record Failed(String file, String error, Throwable cause) implements FileOutcome {

        /** A failure whose reason says it all. */
        public Failed(String file, String error) {
            this(file, error, null);
        }
    }
}
