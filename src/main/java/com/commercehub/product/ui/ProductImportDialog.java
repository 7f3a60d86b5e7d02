package com.commercehub.product.ui;

import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.product.ImportProgress;
import com.commercehub.product.ImportReport;
import com.commercehub.product.ProductCsvService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.commercehub.base.ui.SizeLimitedUpload;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Upload a CSV, see every problem with its line, then import all rows or none. Checking and
 * importing run in the background with a progress bar.
 */
class ProductImportDialog extends Dialog {

    static final int MAX_BYTES = 25 * 1024 * 1024;

    final Upload upload = new Upload();
    final Checkbox updateExisting = new Checkbox();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph summary = new Paragraph();
    final Grid<ImportReport.RowProblem> problems = new Grid<>();
    final Button importButton = new Button();
    final Button cancel = new Button();

    private final ProductCsvService csv;
    private final BackgroundJobs jobs;
    private final Runnable onImported;
    private byte[] content;
    /** The job in flight, for tests to wait on. */
    CompletableFuture<ImportReport> running;

    ProductImportDialog(ProductCsvService csv, BackgroundJobs jobs, Runnable onImported) {
        this.csv = csv;
        this.jobs = jobs;
        this.onImported = onImported;
        setHeaderTitle(getTranslation("import.title"));
        setWidth("56rem");

        Paragraph help = new Paragraph(getTranslation("import.help"));
        help.addClassName("help-text");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setUploadHandler(SizeLimitedUpload.inMemory(MAX_BYTES, (metadata, data) ->
                getUI().ifPresent(ui -> ui.access(() -> fileReceived(data))),
                () -> getUI().ifPresent(ui -> ui.access(this::fileRefused))));
        upload.addFileRejectedListener(e -> fileRefused());
        updateExisting.setLabel(getTranslation("import.update-existing"));
        updateExisting.addValueChangeListener(e -> {
            if (content != null) {
                check();
            }
        });
        progress.setVisible(false);
        progressText.setVisible(false);
        summary.setVisible(false);
        problems.addColumn(ImportReport.RowProblem::line).setHeader(getTranslation("import.line")).setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(ImportReport.RowProblem::column).setHeader(getTranslation("import.column"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .setHeader(getTranslation("import.problem")).setFlexGrow(1);
        problems.setVisible(false);
        problems.setHeight("16rem");

        importButton.setText(getTranslation("import.run"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> runImport());
        cancel.setText(getTranslation("action.close"));
        cancel.addClickListener(e -> close());
        VerticalLayout body = new VerticalLayout(help, upload, updateExisting, progress, progressText, summary, problems);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, importButton);
    }

    /** Refused by the browser (type, size) or, past the browser, by the server's size limit: nothing is read. */
    void fileRefused() {
        Notification.show(getTranslation("import.file.rejected"), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** A file arrived: check it (nothing is stored yet). */
    void fileReceived(byte[] data) {
        content = data;
        check();
    }

    private Reader reader() {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
        // Spreadsheet programs often start a UTF-8 file with a byte-order mark; it is not part of the header.
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            reader = new InputStreamReader(new ByteArrayInputStream(content, 3, content.length - 3),
                    StandardCharsets.UTF_8);
        }
        return reader;
    }

    private void check() {
        importButton.setEnabled(false);
        boolean update = updateExisting.getValue();
        start(ui -> jobs.run(ui, () -> csv.check(reader(), update, progressTo(ui)), this::showCheck, this::failed));
    }

    private void runImport() {
        importButton.setEnabled(false);
        upload.setVisible(false);
        updateExisting.setEnabled(false);
        boolean update = updateExisting.getValue();
        start(ui -> jobs.run(ui, () -> csv.importCsv(reader(), update, progressTo(ui)), this::showImported,
                this::failed));
    }

    private void start(java.util.function.Function<UI, CompletableFuture<ImportReport>> job) {
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setVisible(true);
        progressText.setText(getTranslation("import.reading"));
        getUI().ifPresent(ui -> running = job.apply(ui));
    }

    private ImportProgress progressTo(UI ui) {
        return (phase, done, rows) -> ui.access(() -> {
            progress.setIndeterminate(false);
            progress.setValue(rows == 0 ? 1 : (double) done / rows);
            progressText.setText(getTranslation("import.progress." + phase.name().toLowerCase(), done, rows));
        });
    }

    private void showCheck(ImportReport report) {
        progress.setVisible(false);
        progressText.setVisible(false);
        summary.setVisible(true);
        if (report.valid()) {
            summary.setText(getTranslation("import.ready", report.rows(), report.toCreate(), report.toUpdate()));
            problems.setVisible(false);
            importButton.setEnabled(true);
        } else {
            long badLines = report.problems().stream().map(ImportReport.RowProblem::line).distinct().count();
            summary.setText(getTranslation("import.invalid", report.problems().size(), badLines));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }

    private void showImported(ImportReport report) {
        progress.setVisible(false);
        progressText.setVisible(false);
        if (report.applied()) {
            Notification.show(getTranslation("import.done", report.toCreate(), report.toUpdate()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onImported.run();
            close();
        } else {
            // Someone changed the library between the check and the import: show what is wrong now.
            upload.setVisible(true);
            updateExisting.setEnabled(true);
            showCheck(report);
        }
    }

    private void failed(Throwable error) {
        progress.setVisible(false);
        progressText.setVisible(false);
        upload.setVisible(true);
        updateExisting.setEnabled(true);
        summary.setVisible(true);
        summary.setText(getTranslation("import.failed"));
    }
}
