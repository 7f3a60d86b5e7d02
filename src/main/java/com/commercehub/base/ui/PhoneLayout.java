package com.commercehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phones (390 px and so) get their own arrangement of a list: the view learns on attach and on every resize
 * whether the window is a phone's, and is told only when that changes, so what the person opened or closed
 * stays as they left it while they merely turn or resize the window.
 */
public final class PhoneLayout {

    /** Narrower windows are phones; the stylesheet's phone rules use the same width. */
    public static final int PHONE_WIDTH = 600;

    private PhoneLayout() {
    }

    /** Calls {@code fit} with true on phones and false elsewhere, once on attach and again whenever that flips. */
    public static void follow(Component view, Consumer<Boolean> fit) {
        view.addAttachListener(attach -> {
            Boolean[] last = {null};
            Consumer<Integer> width = pixels -> {
                boolean phone = pixels < PHONE_WIDTH;
                if (last[0] == null || last[0] != phone) {
                    last[0] = phone;
                    fit.accept(phone);
                }
            };
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            Registration resizing = page.addBrowserWindowResizeListener(resized -> width.accept(resized.getWidth()));
            view.addDetachListener(detach -> {
                resizing.remove();
                detach.unregisterListener();
            });
        });
    }

    /**
     * On phones the grid shows the row's name and its amount first, side by side in the first screen, at a width
     * that leaves room for both (cell texts wrap instead of being cut), and the other columns after them (the grid
     * scrolls those, the page does not); wide windows keep the columns as the view made them.
     */
    public static <T> void nameAndAmountFirst(Grid<T> grid, Grid.Column<T> name, Grid.Column<T> amount) {
        List<Grid.Column<T>> wide = List.copyOf(grid.getColumns());
        List<Grid.Column<T>> phone = new ArrayList<>(List.of(name, amount));
        wide.stream().filter(column -> !phone.contains(column)).forEach(phone::add);
        List<Runnable> restore = new ArrayList<>();
        for (Grid.Column<T> column : List.of(name, amount)) {
            boolean autoWidth = column.isAutoWidth();
            String width = column.getWidth();
            int flexGrow = column.getFlexGrow();
            boolean frozen = column.isFrozen();
            boolean frozenToEnd = column.isFrozenToEnd();
            // A column the view gave no width has the web component's own default, 100px.
            restore.add(() -> column.setAutoWidth(autoWidth).setWidth(width == null ? "100px" : width)
                    .setFlexGrow(flexGrow).setFrozen(frozen).setFrozenToEnd(frozenToEnd));
        }
        boolean[] fitted = {false};
        follow(grid, isPhone -> {
            if (isPhone) {
                fitted[0] = true;
                // Two columns of 9rem fit a 390 px phone with the grid's padding; frozen ones would overlap.
                for (Grid.Column<T> column : List.of(name, amount)) {
                    column.setAutoWidth(false).setWidth("9rem").setFlexGrow(1).setFrozen(false).setFrozenToEnd(false);
                }
                grid.setColumnOrder(phone);
                grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            } else if (fitted[0]) {
                fitted[0] = false;
                restore.forEach(Runnable::run);
                grid.setColumnOrder(wide);
                grid.removeThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            }
        });
    }
}
