package com.commercehub.crm;

final class Text {

    private Text() {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String like(String search) {
        String text = search == null ? "" : search.strip();
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
