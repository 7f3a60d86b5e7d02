package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.ui.LineItemCells;
import com.commercehub.crm.ui.LineItemTexts;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.renderer.LitRenderer;

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
    private final Actions actions;
    private List<LineItemDetails> items = List.of();
    private LineItemDetails dragged;

    QuoteLineGrid(BooleanSupplier editable, Actions actions) {
        this.editable = editable;
        addClassName("line-grid");
        name = addColumn(LineItemCells.nameRenderer(this)).setKey("name")
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
        addColumn(LitRenderer.<LineItemDetails>of("<span class=\"line-amount\">${item.net}</span>")
                .withProperty("net", l -> Formats.money(l.net(), getLocale())))
                .setHeader(getTranslation("crm.deal.amount"))
                .setKey("net").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        this.actions = actions;
        actionsColumn = addColumn(rowActions()).setKey("actions").setAutoWidth(true)
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

    /**
     * Up, down, edit and remove for each row, rendered in the browser (the same buttons, icons, labels and tooltips
     * as components would give): four buttons with an icon and a tooltip per row were most of the builder's
     * server-side state, held for as long as the tab is open.
     */
    private LitRenderer<LineItemDetails> rowActions() {
        StringBuilder template = new StringBuilder("<vaadin-horizontal-layout class=\"line-actions\" "
                + "?hidden=${!item.editable}>");
        for (RowAction action : RowAction.values()) {
            template.append("<vaadin-button theme=\"tertiary-inline icon").append(action.error ? " error" : "")
                    .append("\" class=\"line-").append(action.key).append("\" aria-label=\"${item.").append(action.key)
                    .append("Label}\"").append(action.disabledWhen == null ? "" : " ?disabled=${item." + action.disabledWhen + "}")
                    .append(" @click=${").append(action.key).append("}><vaadin-icon icon=\"").append(action.icon)
                    .append("\"></vaadin-icon><vaadin-tooltip slot=\"tooltip\" text=\"${item.").append(action.key)
                    .append("Tip}\"></vaadin-tooltip></vaadin-button>");
        }
        template.append("</vaadin-horizontal-layout>");
        LitRenderer<LineItemDetails> renderer = LitRenderer.<LineItemDetails>of(template.toString())
                .withProperty("editable", line -> editable.getAsBoolean())
                .withProperty("first", line -> line.index() <= 0)
                .withProperty("last", line -> line.index() >= items.size() - 1);
        for (RowAction action : RowAction.values()) {
            renderer.withProperty(action.key + "Label", line -> getTranslation(action.labelKey) + " · " + line.name())
                    .withProperty(action.key + "Tip", line -> getTranslation(action.labelKey))
                    .withFunction(action.key, line -> rowAction(action, line));
        }
        return renderer;
    }

    /** What a row's button does; the browser's click arrives here. */
    void rowAction(RowAction action, LineItemDetails line) {
        if (!editable.getAsBoolean()) {
            return;
        }
        switch (action) {
            case UP -> {
                if (line.index() > 0) {
                    actions.move(line, line.index() - 1);
                }
            }
            case DOWN -> {
                if (line.index() < items.size() - 1) {
                    actions.move(line, line.index() + 1);
                }
            }
            case EDIT -> actions.edit(line);
            case REMOVE -> actions.remove(line);
        }
    }

    /** A row's buttons: the class ({@code line-up}), the icon, the label, and when it is disabled. */
    enum RowAction {
        UP("up", "vaadin:arrow-up", "builder.line.up", "first", false),
        DOWN("down", "vaadin:arrow-down", "builder.line.down", "last", false),
        EDIT("edit", "vaadin:edit", "crm.line.edit", null, false),
        REMOVE("remove", "vaadin:trash", "crm.line.remove", null, true);

        final String key;
        final String icon;
        final String labelKey;
        final String disabledWhen;
        final boolean error;

        RowAction(String key, String icon, String labelKey, String disabledWhen, boolean error) {
            this.key = key;
            this.icon = icon;
            this.labelKey = labelKey;
            this.disabledWhen = disabledWhen;
            this.error = error;
        }
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
