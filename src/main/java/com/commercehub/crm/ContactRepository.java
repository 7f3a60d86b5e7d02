package com.commercehub.crm;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends ListCrudRepository<Contact, Long> {

    @Query("SELECT COUNT(*) FROM contact WHERE email = LOWER(:email) AND (:exceptId IS NULL OR id <> :exceptId)")
    int countByEmail(@Param("email") String email, @Param("exceptId") Long exceptId);
}
