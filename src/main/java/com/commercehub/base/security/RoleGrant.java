package com.commercehub.base.security;

import org.springframework.data.relational.core.mapping.Table;

/** One role held by a user; a row of {@code app_user_role}, owned by the {@link AppUser} aggregate. */
@Table("app_user_role")
record RoleGrant(Role role) {
}
