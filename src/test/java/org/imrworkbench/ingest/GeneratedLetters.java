package org.imrworkbench.ingest;

import org.imrworkbench.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Many distinct text letters made from the seeds: a case number header and a varied sentence in the summary. */
public final class GeneratedLetters {

    private GeneratedLetters() {
    }

    public static void write(Path folder, int count) throws IOException {
        List<Path> seeds = Fixtures.seedFiles();
        Files.createDirectories(folder);
        for (int n = 0; n < count; n++) {
            String seed = Files.readString(seeds.get(n % seeds.size()));
            String caseNumber = String.format("CM99-%07d", n);
            String text = "Case Number: " + caseNumber + "\n\n" + seed.replaceFirst("CLINICAL CASE SUMMARY",
                    "CLINICAL CASE SUMMARY\n\nGenerated test letter number " + n + ".\n");
            Files.writeString(folder.resolve(caseNumber + ".txt"), text);
        }
    }
}
