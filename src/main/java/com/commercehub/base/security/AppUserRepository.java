package com.commercehub.base.security;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface AppUserRepository extends ListCrudRepository<AppUser, Long> {

    Optional<AppUser> findByEmail(String email);

    @Query("""
            SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.app_user = u.id
            WHERE u.enabled AND r.role = 'ADMIN'""")
    long countActiveAdmins();
}
