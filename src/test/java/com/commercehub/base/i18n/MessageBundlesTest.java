package com.commercehub.base.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The six bundles stay in step: same keys, real translations, valid patterns. */
class MessageBundlesTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(^|[^'])'([^']|$)");

    static Map<String, String> load(String language) throws IOException {
        String name = "/i18n/messages" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (var in = MessageBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("bundle %s", name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> result = new TreeMap<>();
            properties.forEach((k, v) -> result.put((String) k, (String) v));
            return result;
        }
    }

    @Test
    void every_bundle_has_exactly_the_same_keys() throws IOException {
        Set<String> all = new HashSet<>();
        for (Locale locale : Messages.SUPPORTED) {
            all.addAll(load(locale.getLanguage()).keySet());
        }
        for (Locale locale : Messages.SUPPORTED) {
            Set<String> keys = load(locale.getLanguage()).keySet();
            Set<String> missing = new HashSet<>(all);
            missing.removeAll(keys);
            assertThat(missing).as("keys missing from the %s bundle", locale).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "da", "sv", "pl", "it"})
    void translations_are_not_english_copies(String language) throws IOException {
        Map<String, String> english = load("en");
        Map<String, String> translated = load(language);
        long sentences = english.values().stream().filter(v -> v.split(" ").length >= 3).count();
        long copied = english.entrySet().stream()
                .filter(e -> e.getValue().split(" ").length >= 3)
                .filter(e -> e.getValue().equals(translated.get(e.getKey())))
                .count();
        assertThat(copied).as("English sentences left untranslated in %s", language).isZero();
        assertThat(sentences).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "da", "sv", "pl", "it"})
    void patterns_with_placeholders_are_valid_message_formats(String language) throws IOException {
        load(language).forEach((key, value) -> {
            if (value.contains("{")) {
                new MessageFormat(value);
                assertThat(LONE_APOSTROPHE.matcher(value).find())
                        .as("%s in %s has a single apostrophe, which MessageFormat would swallow", key, language)
                        .isFalse();
            }
        });
    }

    @Test
    void messages_fall_back_to_english_and_format_parameters() {
        Messages messages = new Messages();
        assertThat(messages.get("home.greeting", Locale.GERMAN, "Jana")).isEqualTo("Willkommen, Jana");
        assertThat(messages.get("nav.users", Locale.of("pl"))).isEqualTo("Użytkownicy");
        assertThat(messages.get("nav.users", Locale.JAPANESE)).isEqualTo("Users");
        assertThat(messages.get("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    @Test
    void the_dry_run_counts_records_in_the_singular_or_plural_the_count_needs() {
        Messages messages = new Messages();
        assertThat(messages.get("automation.dry-run.summary", Locale.ENGLISH, 1)).isEqualTo("One existing record would be enrolled:");
        assertThat(messages.get("automation.dry-run.summary", Locale.ENGLISH, 3)).isEqualTo("3 existing records would be enrolled:");
        assertThat(messages.get("automation.dry-run.summary", Locale.GERMAN, 1)).isEqualTo("Ein bestehender Datensatz würde aufgenommen:");
        assertThat(messages.get("automation.dry-run.summary", Locale.GERMAN, 4)).isEqualTo("4 bestehende Datensätze würden aufgenommen:");
    }

    @Test
    void a_buyer_reads_billing_intervals_in_whole_words_with_the_plural_the_count_needs() {
        Messages messages = new Messages();
        assertThat(messages.get("link.page.every.month", Locale.ENGLISH, 1)).isEqualTo("every month");
        assertThat(messages.get("link.page.every.month", Locale.ENGLISH, 3)).isEqualTo("every 3 months");
        assertThat(messages.get("link.page.every.month", Locale.of("it"), 1)).isEqualTo("ogni mese");
        assertThat(messages.get("link.page.every.month", Locale.of("it"), 6)).isEqualTo("ogni 6 mesi");
        assertThat(messages.get("link.page.every.week", Locale.of("pl"), 3)).isEqualTo("co 3 tygodnie");
        assertThat(messages.get("link.page.every.week", Locale.of("pl"), 6)).isEqualTo("co 6 tygodni");
        assertThat(messages.get("link.page.every.week", Locale.of("pl"), 23)).isEqualTo("co 23 tygodnie");
        assertThat(messages.get("link.page.every.month", Locale.of("sv"), 2)).isEqualTo("var 2:a månad");
        assertThat(messages.get("link.page.every.year", Locale.GERMAN, 1)).isEqualTo("jedes Jahr");
        // No "month(s)"-style forms anywhere a buyer reads an interval.
        for (Locale locale : Messages.SUPPORTED) {
            for (String unit : new String[]{"day", "week", "month", "year"}) {
                for (int count : new int[]{1, 2, 3, 5, 12}) {
                    assertThat(messages.get("link.page.every." + unit, locale, count))
                            .as("%s %d in %s", unit, count, locale).doesNotContain("(", "/");
                }
            }
        }
    }

    @Test
    void dates_and_numbers_follow_the_locale() {
        var date = java.time.LocalDate.of(2026, 3, 9);
        assertThat(Formats.date(date, Locale.GERMAN)).isEqualTo("09.03.2026");
        assertThat(Formats.date(date, Locale.of("en", "US"))).isEqualTo("Mar 9, 2026");
        assertThat(Formats.number(new java.math.BigDecimal("1234.5"), Locale.of("da"))).isEqualTo("1.234,5");
    }
}
