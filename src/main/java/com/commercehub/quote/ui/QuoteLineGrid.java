package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.ui.LineItemCells;
import com.commercehub.crm.ui.LineItemTexts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The builder's line items. The name is never cut: it wraps, with the SKU and the billing in words
 * under it, and stays frozen at the start while the Amount and the row actions stay frozen at the end,
 * so nothing that matters scrolls out of view on a narrow screen or in a long language. Lines move up
 * and down by buttons or by dragging. On a phone ({@link #setCompact}) only name, amount and actions show.
 */
class QuoteLineGrid extends Grid<LineItemDetails> {

    /** What the builder does when a rep changes a line. */
    interface Actions {
        void changeQuantity(LineItemDetails line, BigDecimal quantity, BigDecimalField field);

        void edit(LineItemDetails line);

        void move(LineItemDetails line, int target);

        void remove(LineItemDetails line);
    }

    private final Column<LineItemDetails> name;
    private final List<Column<LineItemDetails>> detailColumns;
    private final Column<LineItemDetails> actionsColumn;
    private final BooleanSupplier editable;
    private List<LineItemDetails> items = List.of();
    private LineItemDetails dragged;

    QuoteLineGrid(BooleanSupplier editable, Actions actions) {
        this.editable = editable;
        addClassName("line-grid");
        name = addComponentColumn(line -> LineItemCells.name(this, line)).setKey("name")
                .setHeader(getTranslation("product.name")).setWidth("13rem").setFlexGrow(1).setFrozen(true);
        Column<LineItemDetails> quantity = addComponentColumn(line -> {
            if (!editable.getAsBoolean()) {
                return new Span(Formats.number(line.quantity(), getLocale()));
            }
            BigDecimalField field = new BigDecimalField();
            field.setValue(line.quantity().stripTrailingZeros());
            field.setWidth("5.5rem");
            field.setAriaLabel(getTranslation("crm.line.quantity") + " · " + line.name());
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    actions.changeQuantity(line, e.getValue() == null ? BigDecimal.ZERO : e.getValue(), field);
                }
            });
            return field;
        }).setKey("quantity").setHeader(getTranslation("crm.line.quantity")).setAutoWidth(true).setFlexGrow(0);
        Column<LineItemDetails> price = addColumn(l -> Formats.money(l.unitPrice(), getLocale()))
                .setKey("price").setHeader(getTranslation("product.price"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        Column<LineItemDetails> discountAndTax = addColumn(this::discountAndTax).setKey("discount")
                .setHeader(getTranslation("builder.line.discount-tax")).setAutoWidth(true).setFlexGrow(0);
        detailColumns = List.of(quantity, price, discountAndTax);
        addComponentColumn(l -> {
            Span amount = new Span(Formats.money(l.net(), getLocale()));
            amount.addClassName("line-amount");
            return amount;
        }).setHeader(getTranslation("crm.deal.amount"))
                .setKey("net").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        actionsColumn = addComponentColumn(line -> rowActions(line, actions)).setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("quote.lines.empty"));

        setDropMode(GridDropMode.BETWEEN);
        addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().getFirst());
        addDragEndListener(e -> dragged = null);
        addDropListener(e -> {
            if (dragged == null || e.getDropTargetItem().isEmpty()) {
                return;
            }
            int target = e.getDropTargetItem().get().index();
            int from = dragged.index();
            // Dropping below a row means after it; moving down shifts the rows in between up by one.
            int to = e.getDropLocation() == GridDropLocation.BELOW ? target + 1 : target;
            to = from < to ? to - 1 : to;
            if (to != from) {
                actions.move(dragged, to);
            }
        });
    }

    void show(List<LineItemDetails> lines) {
        items = lines;
        setRowsDraggable(editable.getAsBoolean() && lines.size() > 1);
        setItems(lines);
    }

    /** Phones keep the name, the amount and the actions; the quantity and the rest are under the name. */
    void setCompact(boolean compact) {
        detailColumns.forEach(column -> column.setVisible(!compact));
        name.setFrozen(!compact);
        name.setWidth(compact ? "8rem" : "13rem");
        actionsColumn.setAutoWidth(!compact);
        actionsColumn.setWidth(compact ? "5.5rem" : null);
        setClassName("compact", compact);
        recalculateColumnWidths();
    }

    private HorizontalLayout rowActions(LineItemDetails line, Actions actions) {
        Button up = icon(VaadinIcon.ARROW_UP, "builder.line.up", line, () -> actions.move(line, line.index() - 1));
        up.setEnabled(line.index() > 0);
        Button down = icon(VaadinIcon.ARROW_DOWN, "builder.line.down", line, () -> actions.move(line, line.index() + 1));
        down.setEnabled(line.index() < items.size() - 1);
        Button edit = icon(VaadinIcon.EDIT, "crm.line.edit", line, () -> actions.edit(line));
        Button remove = icon(VaadinIcon.TRASH, "crm.line.remove", line, () -> actions.remove(line));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(up, down, edit, remove);
        buttons.setSpacing(false);
        buttons.addClassName("line-actions");
        buttons.setVisible(editable.getAsBoolean());
        return buttons;
    }

    private Button icon(VaadinIcon icon, String labelKey, LineItemDetails line, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation(labelKey) + " · " + line.name());
        button.setTooltipText(getTranslation(labelKey));
        button.addClassName("line-" + labelKey.substring(labelKey.lastIndexOf('.') + 1));
        return button;
    }

    private String discountAndTax(LineItemDetails line) {
        String discount = LineItemTexts.discount(line, getLocale());
        String tax = LineItemTexts.tax(line, getLocale());
        if (discount.isEmpty() || tax.isEmpty()) {
            return discount.isEmpty() && tax.isEmpty() ? "" : discount.isEmpty()
                    ? getTranslation("builder.line.tax-only", tax) : getTranslation("builder.line.discount-only", discount);
        }
        return getTranslation("builder.line.discount-and-tax", discount, tax);
    }
}
