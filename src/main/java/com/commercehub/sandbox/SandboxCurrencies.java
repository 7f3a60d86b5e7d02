package com.commercehub.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's own copy of Stripe's currency rules (it must not borrow the app's): which currencies a
 * card payment may use, minor-unit exponents, minimum charge amounts, and the card fee of 2.9 % + 0.30.
 */
final class SandboxCurrencies {

    static final List<String> SUPPORTED = List.of("usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud",
            "awg", "azn", "bam", "bbd", "bdt", "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn",
            "bzd", "cad", "cdf", "chf", "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp",
            "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf",
            "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd", "kzt",
            "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk",
            "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr",
            "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos",
            "srd", "std", "szl", "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs",
            "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw");

    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
            "pyg", "rwf", "vnd", "vuv", "xaf", "xof", "xpf");
    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    /** Minimum charge in minor units (Stripe's published table). */
    private static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("usd", 50L), Map.entry("aed", 200L), Map.entry("aud", 50L), Map.entry("brl", 50L),
            Map.entry("cad", 50L), Map.entry("chf", 50L), Map.entry("czk", 1500L), Map.entry("dkk", 250L),
            Map.entry("eur", 50L), Map.entry("gbp", 30L), Map.entry("hkd", 400L), Map.entry("huf", 17500L),
            Map.entry("inr", 50L), Map.entry("jpy", 50L), Map.entry("mxn", 1000L), Map.entry("myr", 200L),
            Map.entry("nok", 300L), Map.entry("nzd", 50L), Map.entry("pln", 200L), Map.entry("ron", 200L),
            Map.entry("sek", 300L), Map.entry("sgd", 50L), Map.entry("thb", 1000L));

    static final long MAX_AMOUNT = 99_999_999L;

    private SandboxCurrencies() {
    }

    static String require(Params params, String key) {
        String currency = params.required(key).toLowerCase(java.util.Locale.ROOT);
        if (!SUPPORTED.contains(currency)) {
            throw StripeError.invalid(params.name(key), "parameter_invalid_string", "Invalid currency: " + currency
                    + ". Stripe currently supports these currencies: " + String.join(", ", SUPPORTED));
        }
        return currency;
    }

    static int exponent(String currency) {
        if (ZERO_DECIMAL.contains(currency)) {
            return 0;
        }
        return THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    static Long minimum(String currency) {
        return MINIMUM.get(currency);
    }

    /** "$0.50 usd" style, as Stripe writes amounts in error messages. */
    static String display(long minor, String currency) {
        return BigDecimal.valueOf(minor).movePointLeft(exponent(currency)).toPlainString() + " " + currency;
    }

    /** Card fee: 2.9 % of the amount plus 0.30 of the currency's unit, rounded half up to a minor unit. */
    static long fee(long amount, String currency) {
        BigDecimal percent = BigDecimal.valueOf(amount).multiply(new BigDecimal("0.029"));
        BigDecimal fixed = new BigDecimal("0.30").movePointRight(exponent(currency));
        return percent.add(fixed).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static void checkChargeable(long amount, String currency, String param) {
        Long minimum = minimum(currency);
        if (amount > 0 && minimum != null && amount < minimum) {
            throw StripeError.invalid(param, "amount_too_small", "Amount must be at least "
                    + display(minimum, currency));
        }
        if (amount > MAX_AMOUNT) {
            throw StripeError.invalid(param, "amount_too_large", "Amount must be no more than "
                    + display(MAX_AMOUNT, currency));
        }
    }
}
