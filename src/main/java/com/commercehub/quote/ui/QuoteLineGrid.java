package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.ui.LineItemCells;
import com.commercehub.crm.ui.LineItemTexts;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.renderer.LitRenderer;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Map;
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
        /** {@code field} takes the problem to show next to the line's quantity, if the change is refused. */
        void changeQuantity(LineItemDetails line, BigDecimal quantity, HasValidation field);

        void edit(LineItemDetails line);

        void move(LineItemDetails line, int target);

        void remove(LineItemDetails line);
    }

    /** The name column's width before it grows; names wrap, so a narrow start leaves room for the other columns. */
    private static final String NAME_WIDTH = "9.5rem";

    private final Column<LineItemDetails> name;
    private final List<Column<LineItemDetails>> detailColumns;
    private final Column<LineItemDetails> actionsColumn;
    private final BooleanSupplier editable;
    private final Actions actions;
    private List<LineItemDetails> items = List.of();
    /** What was typed into a line's quantity and refused, with why: shown in its field until the next change. */
    private final Map<Integer, RefusedQuantity> refused = new HashMap<>();
    private LineItemDetails dragged;

    QuoteLineGrid(BooleanSupplier editable, Actions actions) {
        this.editable = editable;
        addClassName("line-grid");
        name = addColumn(LineItemCells.nameRenderer(this)).setKey("name")
                .setHeader(getTranslation("product.name")).setWidth(NAME_WIDTH).setFlexGrow(1).setFrozen(true);
        Column<LineItemDetails> quantity = addColumn(quantityEditor()).setKey("quantity")
                .setHeader(getTranslation("crm.line.quantity")).setAutoWidth(true).setFlexGrow(0);
        // The line's discount and tax read under its unit price, one a line, as the SKU and billing read under its
        // name: in a column of their own the grid was too wide for the builder's content column at 1100–1360 px, and
        // that column slid under the frozen amount.
        Column<LineItemDetails> price = addColumn(LitRenderer.<LineItemDetails>of(
                        "<span class=\"line-cell line-price\"><span>${item.price}</span>"
                                + "${item.discount ? html`<span class=\"line-meta\">${item.discount}</span>` : ''}"
                                + "${item.tax ? html`<span class=\"line-meta\">${item.tax}</span>` : ''}</span>")
                .withProperty("price", line -> Formats.money(line.unitPrice(), getLocale()))
                .withProperty("discount", this::discountText)
                .withProperty("tax", this::taxText))
                .setKey("price").setHeader(getTranslation("product.price"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        detailColumns = List.of(quantity, price);
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
        refused.clear();
        setRowsDraggable(editable.getAsBoolean() && lines.size() > 1);
        setItems(lines);
    }

    /** Phones keep the name, the amount and the actions; the quantity and the rest are under the name. */
    void setCompact(boolean compact) {
        detailColumns.forEach(column -> column.setVisible(!compact));
        name.setFrozen(!compact);
        name.setWidth(compact ? "8rem" : NAME_WIDTH);
        actionsColumn.setAutoWidth(!compact);
        actionsColumn.setWidth(compact ? "5.5rem" : null);
        setClassName("compact", compact);
        recalculateColumnWidths();
    }

    /**
     * Each line's quantity field, rendered in the browser: the same field a {@code BigDecimalField} gives (the
     * locale's decimal separator, digits only, its label, the problem under it), saved when it loses focus or on
     * Enter. Twenty server-side fields with their listeners were the largest part of an open builder's memory.
     */
    private LitRenderer<LineItemDetails> quantityEditor() {
        char separator = DecimalFormatSymbols.getInstance(getLocale()).getDecimalSeparator();
        return LitRenderer.<LineItemDetails>of("${item.editable ? html`<vaadin-big-decimal-field class=\"line-quantity\" "
                        + "style=\"width: 4.5rem\" ._decimalSeparator=${item.separator} .value=${live(item.quantity)} "
                        + ".accessibleName=${item.label} ?invalid=${item.invalid} .errorMessage=${item.error} "
                        + "@change=${e => quantity(e.target.value)}></vaadin-big-decimal-field>` : item.text}")
                .withProperty("editable", line -> editable.getAsBoolean())
                .withProperty("separator", line -> String.valueOf(separator))
                .withProperty("quantity", line -> refused.containsKey(line.index())
                        ? refused.get(line.index()).typed : line.quantity().stripTrailingZeros().toPlainString()
                        .replace('.', separator))
                .withProperty("label", line -> getTranslation("crm.line.quantity") + " · " + line.name())
                .withProperty("invalid", line -> refused.containsKey(line.index()))
                .withProperty("error", line -> refused.containsKey(line.index()) ? refused.get(line.index()).problem : "")
                .withProperty("text", line -> Formats.number(line.quantity(), getLocale()))
                .withFunction("quantity", (line, arguments) -> typedQuantity(line, arguments.path(0).asString("")));
    }

    /**
     * A quantity typed into a line's field (the field's text, with the locale's separator); the browser's change
     * arrives here. Text that is no number counts as none, which the quote refuses next to the field.
     */
    void typedQuantity(LineItemDetails line, String typed) {
        if (!editable.getAsBoolean()) {
            return;
        }
        char separator = DecimalFormatSymbols.getInstance(getLocale()).getDecimalSeparator();
        BigDecimal quantity;
        try {
            quantity = typed.isBlank() ? BigDecimal.ZERO : new BigDecimal(typed.strip().replace(separator, '.'));
        } catch (NumberFormatException notANumber) {
            quantity = BigDecimal.ZERO;
        }
        refused.remove(line.index());
        actions.changeQuantity(line, quantity, new RefusedQuantity(line, typed));
    }

    /** What the quantity field of a line shows: the problem with what was typed (and that text), if refused. */
    String quantityProblem(LineItemDetails line) {
        RefusedQuantity problem = refused.get(line.index());
        return problem == null ? "" : problem.problem;
    }

    /** A refused quantity of one line, as the field the builder's validation reports to. */
    private final class RefusedQuantity implements HasValidation {
        private final LineItemDetails line;
        private final String typed;
        private String problem = "";

        RefusedQuantity(LineItemDetails line, String typed) {
            this.line = line;
            this.typed = typed;
        }

        @Override
        public void setErrorMessage(String errorMessage) {
            problem = errorMessage == null ? "" : errorMessage;
        }

        @Override
        public String getErrorMessage() {
            return problem;
        }

        @Override
        public void setInvalid(boolean invalid) {
            if (invalid) {
                refused.put(line.index(), this);
            } else {
                refused.remove(line.index());
            }
            getDataCommunicator().refresh(line);
        }

        @Override
        public boolean isInvalid() {
            return refused.get(line.index()) == this;
        }
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

    /** "−10 %", or empty without a discount. */
    private String discountText(LineItemDetails line) {
        String discount = LineItemTexts.discount(line, getLocale());
        return discount.isEmpty() ? "" : getTranslation("builder.line.discount-only", discount);
    }

    /** "Tax 19 %", or empty without a tax. */
    private String taxText(LineItemDetails line) {
        String tax = LineItemTexts.tax(line, getLocale());
        return tax.isEmpty() ? "" : getTranslation("builder.line.tax-only", tax);
    }
}
