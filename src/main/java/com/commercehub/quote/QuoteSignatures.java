package com.commercehub.quote;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** The signatures on published versions; one per role and version, never changed once written. */
@Component
class QuoteSignatures {

    private final JdbcClient jdbc;

    QuoteSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the signature unless the role already signed this version; true when this call recorded it. */
    boolean recordOnce(long quoteId, int versionNo, QuoteSignature signature) {
        return jdbc.sql("""
                        INSERT IGNORE INTO quote_signature (quote, version_no, role, signer_name, signer_email, signed_at,
                                                            client_address, user_agent, drawn_png, content_sha256)
                        VALUES (:quote, :version, :role, :name, :email, :at, :address, :agent, :png, :hash)""")
                .param("quote", quoteId).param("version", versionNo).param("role", signature.role().name())
                .param("name", signature.name()).param("email", signature.email())
                .param("at", Timestamp.from(signature.signedAt())).param("address", signature.clientAddress())
                .param("agent", signature.userAgent()).param("png", signature.drawnPng())
                .param("hash", signature.contentSha256()).update() == 1;
    }

    List<QuoteSignature> of(long quoteId, int versionNo) {
        return jdbc.sql("""
                        SELECT role, signer_name, signer_email, signed_at, client_address, user_agent, drawn_png,
                               content_sha256
                        FROM quote_signature WHERE quote = :quote AND version_no = :version ORDER BY id""")
                .param("quote", quoteId).param("version", versionNo)
                .query((rs, n) -> new QuoteSignature(QuoteSignature.Role.valueOf(rs.getString("role")),
                        rs.getString("signer_name"), rs.getString("signer_email"),
                        rs.getTimestamp("signed_at").toInstant(), rs.getString("client_address"),
                        rs.getString("user_agent"), rs.getBytes("drawn_png"), rs.getString("content_sha256")))
                .list();
    }
}
