package org.imrworkbench.library;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListColumnTest {

    /** Sections as letters write them, and the characters JSON must escape. */
    private static final List<String> SECTIONS = List.of("Opioids for chronic pain",
            "NSAIDs (non-steroidal anti-inflammatory drugs)", "Opioids, criteria for use & \"red flags\"",
            "back\\slash", "tab\tnew\nline\u0001", "Ärztliche Behandlung – 𝔐 ✓", "", " ");

    @Test
    void stringsAreWrittenAsAJsonArrayAndReadBackInTheirOrder() {
        String value = ListColumn.strings(List.of("Opioids for chronic pain", "Weaning of medications"));
        assertThat(value).isEqualTo("[\"Opioids for chronic pain\",\"Weaning of medications\"]");
        assertThat(ListColumn.readStrings(value)).containsExactly("Opioids for chronic pain", "Weaning of medications");
        assertThat(ListColumn.readStrings(ListColumn.strings(SECTIONS))).isEqualTo(SECTIONS);
    }

    @Test
    void anyJsonArrayOfStringsIsRead() {
        // written by this class or by SQLite (compact, read without a parser when nothing is escaped), or by hand
        assertThat(ListColumn.readStrings("[\"a]\",\"\",\"[b,c]\"]")).containsExactly("a]", "", "[b,c]");
        assertThat(ListColumn.readStrings(" [ \"a\" ,\n \"b\" ] ")).containsExactly("a", "b");
        assertThat(ListColumn.readStrings("[\"\\u00c4rzte \\\"x\\\"\"]")).containsExactly("Ärzte \"x\"");
    }

    @Test
    void pagesAreWrittenAsAJsonArrayAndReadBackInTheirOrder() {
        assertThat(ListColumn.ints(List.of(79, 80, 12))).isEqualTo("[79,80,12]");
        assertThat(ListColumn.readInts("[79,80,12]")).containsExactly(79, 80, 12);
        assertThat(ListColumn.readInts(ListColumn.ints(List.of(0, -3, Integer.MAX_VALUE))))
                .containsExactly(0, -3, Integer.MAX_VALUE);
    }

    @Test
    void noValuesIsNoValue() {
        assertThat(ListColumn.strings(List.of())).isNull();
        assertThat(ListColumn.ints(List.of())).isNull();
        assertThat(ListColumn.readStrings(null)).isEmpty();
        assertThat(ListColumn.readInts(null)).isEmpty();
        assertThat(ListColumn.readStrings("[]")).isEmpty();
    }

    @Test
    void sqliteReadsWhatIsWrittenAndWritesWhatIsRead() throws Exception {
        // the upgrade to schema 8 writes the columns with json_group_array, and SQL reads them with json_each
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("CREATE TABLE t (position INTEGER, section TEXT, page INTEGER)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                for (int i = 0; i < SECTIONS.size(); i++) {
                    ps.setInt(1, SECTIONS.size() - i); // inserted in the reverse of their order
                    ps.setString(2, SECTIONS.get(SECTIONS.size() - 1 - i));
                    ps.setInt(3, 100 + SECTIONS.size() - i);
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT json_group_array(section ORDER BY position),"
                    + " json_group_array(page ORDER BY position) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(ListColumn.readStrings(rs.getString(1))).isEqualTo(SECTIONS);
                assertThat(ListColumn.readInts(rs.getString(2))).containsExactly(101, 102, 103, 104, 105, 106, 107, 108);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM json_each(?) ORDER BY key")) {
                ps.setString(1, ListColumn.strings(SECTIONS));
                List<String> read = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read.add(rs.getString(1));
                    }
                }
                assertThat(read).isEqualTo(SECTIONS);
            }
        }
    }

    @Test
    void aValueOfAnotherFormIsRefusedWithAMessage() {
        for (String bad : new String[]{"", "Opioids", "\"Opioids\"", "[\"Opioids\"", "[\"Opioids\"] x", "{}",
            "[1, \"a\"]", "[[\"a\"]]", "[null]", "[\"a\",]"}) {
            assertThatThrownBy(() -> ListColumn.readStrings(bad)).as(bad).isInstanceOf(LibraryException.class)
                    .hasMessageContaining("a list it cannot read").hasMessageContaining(bad);
        }
        for (String bad : new String[]{"[\"1\"]", "[1.5]", "[99999999999]", "[1, 2", "7"}) {
            assertThatThrownBy(() -> ListColumn.readInts(bad)).as(bad).isInstanceOf(LibraryException.class)
                    .hasMessageContaining("a list it cannot read").hasMessageContaining(bad);
        }
    }
}
