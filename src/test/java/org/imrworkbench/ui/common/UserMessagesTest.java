package org.imrworkbench.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class UserMessagesTest {

    @Test
    void aFileSystemFailureSaysWhatWentWrongWithTheFileNotOnlyItsPath() {
        // Java's message of these is the path alone: "/x/chart.png", which tells the user nothing
        assertThat(UserMessages.of(new AccessDeniedException("/x/chart.png"))).isEqualTo("/x/chart.png: permission denied");
        assertThat(UserMessages.of(new NoSuchFileException("/gone/chart.png")))
                .isEqualTo("/gone/chart.png: no such file or folder");
        assertThat(UserMessages.of(new FileSystemException("/full/chart.png", null, "No space left on device")))
                .isEqualTo("/full/chart.png: No space left on device");
        assertThat(UserMessages.of(new UncheckedIOException(new AccessDeniedException("/x/b.db"))))
                .isEqualTo("/x/b.db: permission denied");
    }

    @Test
    void otherFailuresGiveTheirMessageOnOneLineOrWhatKindOfFailureThereWasWithoutOne() {
        assertThat(UserMessages.of(new IOException("disk\n  unplugged"))).isEqualTo("disk unplugged");
        assertThat(UserMessages.of(new IllegalStateException())).isEqualTo("Something went wrong (illegal state exception).");
    }
}
