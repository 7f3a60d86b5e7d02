package com.commercehub.quote;

import org.springframework.data.relational.core.mapping.Table;

/** A quote-level discount or fee as stored; owned by the {@link Quote}. */
@Table("quote_adjustment")
class QuoteAdjustment {

    private String type;
    private String label;
    private String kind;
    private java.math.BigDecimal value;
    private String appliesTo;

    static QuoteAdjustment of(AdjustmentDraft draft) {
        QuoteAdjustment stored = new QuoteAdjustment();
        stored.type = draft.type().name();
        stored.label = draft.label().strip();
        stored.kind = draft.adjustment().kind().name();
        stored.value = draft.adjustment().value();
        stored.appliesTo = draft.appliesTo().name();
        return stored;
    }

    AdjustmentDraft draft() {
        return new AdjustmentDraft(AdjustmentDraft.Type.valueOf(type), label,
                new Adjustment(Adjustment.Kind.valueOf(kind), value),
                appliesTo == null ? null : AdjustmentDraft.AppliesTo.valueOf(appliesTo));
    }
}
