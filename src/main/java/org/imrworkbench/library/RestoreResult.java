package org.imrworkbench.library;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Library#restore} did.
 *
 * @param library  the library file, now holding the restored copy
 * @param restored the backup that was restored, as verified before replacing anything
 * @param replaced the copy kept of the library that was replaced, or null when there was no library to replace
 */
public record RestoreResult(Path library, BackupInfo restored, Path replaced) {

    /** The copy kept of the library that was replaced, if there was one. */
    public Optional<Path> replacedCopy() {
        return Optional.ofNullable(replaced);
    }
}
