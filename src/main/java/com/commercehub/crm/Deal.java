package com.commercehub.crm;

import com.commercehub.base.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A deal: who is buying, where it stands, and the line items a quote will be made from. */
@Table("deal")
class Deal {

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private String owner;
    private String stage;
    private String currency;
    @Column("company")
    private AggregateReference<Company, Long> company;
    private LocalDate closeDate;
    @MappedCollection(idColumn = "deal")
    private Set<DealContactRef> contacts = new HashSet<>();
    @MappedCollection(idColumn = "deal", keyColumn = "line_no")
    private List<DealLine> lines = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    static Deal create(DealDraft draft, Instant now) {
        Deal deal = new Deal();
        deal.createdAt = now;
        deal.currency = draft.currency().getCurrencyCode();
        deal.apply(draft, now);
        return deal;
    }

    void apply(DealDraft draft, Instant now) {
        name = draft.name().strip();
        owner = draft.owner();
        stage = draft.stage().name();
        company = draft.companyId() == null ? null : AggregateReference.to(draft.companyId());
        closeDate = draft.closeDate();
        contacts = draft.contactIds().stream().map(DealContactRef::new).collect(Collectors.toCollection(HashSet::new));
        updatedAt = now;
    }

    /** The buyer paid: the deal is won, closing today unless a close date was set. Once is enough. */
    boolean closeWon(java.time.LocalDate today, Instant now) {
        if (DealStage.valueOf(stage) == DealStage.CLOSED_WON) {
            return false;
        }
        stage = DealStage.CLOSED_WON.name();
        if (closeDate == null) {
            closeDate = today;
        }
        updatedAt = now;
        return true;
    }

    /** Moved by a rule (an automation); a deal that closes gets today as its close date unless it had one. */
    boolean moveToStage(DealStage next, java.time.LocalDate today, Instant now) {
        if (DealStage.valueOf(stage) == next) {
            return false;
        }
        stage = next.name();
        if (next.closed() && closeDate == null) {
            closeDate = today;
        }
        updatedAt = now;
        return true;
    }

    /** The currency can change only while no line is priced in it. */
    boolean canChangeCurrency() {
        return lines.isEmpty();
    }

    void changeCurrency(Currency newCurrency, Instant now) {
        currency = newCurrency.getCurrencyCode();
        updatedAt = now;
    }

    void addLine(DealLine line, Instant now) {
        lines.add(line);
        updatedAt = now;
    }

    void replaceLine(int index, DealLine line, Instant now) {
        lines.set(index, line);
        updatedAt = now;
    }

    void removeLine(int index, Instant now) {
        lines.remove(index);
        updatedAt = now;
    }

    int lineCount() {
        return lines.size();
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }

    String owner() {
        return owner;
    }

    DealDetails details(CompanySummary companySummary, List<ContactSummary> contactSummaries) {
        Currency c = currency();
        List<LineItemDetails> lineDetails = new ArrayList<>();
        Money amount = Money.zero(c);
        for (int i = 0; i < lines.size(); i++) {
            LineItemDetails line = lines.get(i).details(i, c);
            lineDetails.add(line);
            amount = amount.plus(line.net());
        }
        return new DealDetails(id, version, name, owner, DealStage.valueOf(stage), c, companySummary,
                contactSummaries, closeDate, List.copyOf(lineDetails), amount);
    }

    Long companyId() {
        return company == null ? null : company.getId();
    }

    Set<Long> contactIds() {
        return contacts.stream().map(DealContactRef::contact).collect(Collectors.toSet());
    }
}
