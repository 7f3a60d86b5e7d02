package com.commercehub.buyer;

import com.commercehub.base.i18n.Messages;
import com.commercehub.invoice.Receipts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A receipt's PDF for signed-in staff (the service checks the role), in the staff member's language. */
@Controller
class StaffReceiptDocuments {

    private final Receipts receipts;
    private final BuyerInvoiceController documents;

    StaffReceiptDocuments(Receipts receipts, BuyerInvoiceController documents) {
        this.receipts = receipts;
        this.documents = documents;
    }

    @GetMapping("/staff/receipts/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, HttpServletRequest request) {
        return receipts.byNumber(number)
                .map(receipt -> documents.receiptPdf(receipt, Messages.supported(request.getLocale())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
