package com.commercehub.base.security;

import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Staff users: who they are, their roles, whether they may sign in. */
@Service
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final SignInLog signInLog;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, JdbcClient jdbc, Clock clock,
                SignInThrottle throttle, SignInLog signInLog) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = throttle;
        this.signInLog = signInLog;
    }

    /** A page of users for the admin's list, roles included, in one query. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public List<UserSummary> page(String search, Pageable page) {
        String like = "%" + (search == null ? "" : search.strip()) + "%";
        return jdbc.sql("""
                        SELECT u.id, u.version, u.email, u.display_name, u.enabled, u.preferred_locale, u.created_at,
                               (SELECT GROUP_CONCAT(r.role) FROM app_user_role r WHERE r.app_user = u.id) AS roles
                        FROM app_user u
                        WHERE u.email LIKE :like OR u.display_name LIKE :like
                        ORDER BY u.email
                        LIMIT :limit OFFSET :offset""")
                .param("like", like)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, n) -> new UserSummary(rs.getLong("id"), rs.getLong("version"), rs.getString("email"),
                        rs.getString("display_name"), parseRoles(rs.getString("roles")), rs.getBoolean("enabled"),
                        Optional.ofNullable(rs.getString("preferred_locale")).map(Locale::forLanguageTag).orElse(null),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public int count(String search) {
        String like = "%" + (search == null ? "" : search.strip()) + "%";
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email LIKE :like OR display_name LIKE :like")
                .param("like", like).query(Integer.class).single();
    }

    private static Set<Role> parseRoles(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(csv.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Adds a staff user who can sign in at once. */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public UserSummary create(String email, String displayName, String password, Set<Role> roles) {
        return UserSummary.of(createUnchecked(email, displayName, password, roles));
    }

    /** Creation without the role check; used by first-run setup, which has no signed-in user yet. */
    AppUser createUnchecked(String email, String displayName, String password, Set<Role> roles) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new UserValidationException("email", "user.email.invalid");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new UserValidationException("displayName", "user.name.required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new UserValidationException("roles", "user.roles.required");
        }
        PasswordPolicy.problem(password).ifPresent(key -> {
            throw new UserValidationException("password", key);
        });
        if (users.findByEmail(AppUser.normalizeEmail(email)).isPresent()) {
            throw new UserValidationException("email", "user.email.taken");
        }
        return users.save(AppUser.create(email, displayName, passwordEncoder.encode(password), roles,
                clock.instant()));
    }

    /**
     * Changes name, roles and whether the user may sign in. Refuses a change that would leave no
     * enabled administrator, so nobody can lock the business out of its own settings.
     */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public UserSummary update(long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled) {
        AppUser user = users.findById(id).orElseThrow(() -> new UserValidationException(null, "user.not-found"));
        if (user.version() != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("user " + id + " changed");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new UserValidationException("displayName", "user.name.required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new UserValidationException("roles", "user.roles.required");
        }
        boolean losesAdmin = user.isActiveAdmin() && (!enabled || !roles.contains(Role.ADMIN));
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            throw new UserValidationException(null, "user.last-admin");
        }
        var now = clock.instant();
        user.rename(displayName, now);
        user.assignRoles(roles, now);
        user.setEnabled(enabled, now);
        return UserSummary.of(users.save(user));
    }

    @Transactional
    @Secured(Role.Authority.ADMIN)
    public void resetPassword(long id, String newPassword) {
        PasswordPolicy.problem(newPassword).ifPresent(key -> {
            throw new UserValidationException("password", key);
        });
        AppUser user = users.findById(id).orElseThrow(() -> new UserValidationException(null, "user.not-found"));
        user.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
    }

    /**
     * The signed-in user replaces their own password, proving the current one. Wrong current passwords
     * count towards the account's sign-in lock, so an open session cannot be used to guess it.
     *
     * @return what the caller's own session must hold to stay signed in; every other session of the
     * user ends on its next request
     */
    @Transactional
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public SessionStamp changeOwnPassword(String currentPassword, String newPassword) {
        String email = Actors.current();
        AppUser user = users.findByEmail(AppUser.normalizeEmail(email))
                .orElseThrow(() -> new UserValidationException(null, "user.not-found"));
        if (!throttle.lockedFor(email, null).isZero()) {
            throw new UserValidationException("currentPassword", "password.change.locked");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throttle.failed(email, null);
            throw new UserValidationException("currentPassword", "password.change.wrong-current");
        }
        PasswordPolicy.problem(newPassword).ifPresent(key -> {
            throw new UserValidationException("password", key);
        });
        user.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
        signInLog.record(email, "", SignInOutcome.PASSWORD_CHANGED);
        return new SessionStamp(SignedInSessions.PASSWORD_STAMP, SignedInSessions.passwordStamp(user.passwordHash()));
    }

    /** What a signed-in session is checked against on every request; empty when the user is gone. */
    @Transactional(readOnly = true)
    Optional<SignInState> signInState(String email) {
        return jdbc.sql("""
                        SELECT u.enabled, u.password_hash,
                               (SELECT GROUP_CONCAT(r.role) FROM app_user_role r WHERE r.app_user = u.id) AS roles
                        FROM app_user u WHERE u.email = :email""")
                .param("email", AppUser.normalizeEmail(email))
                .query((rs, n) -> new SignInState(rs.getBoolean("enabled"), parseRoles(rs.getString("roles")),
                        SignedInSessions.passwordStamp(rs.getString("password_hash"))))
                .optional();
    }

    /**
     * The signed-in user's own language choice, remembered for the next sign-in. Only an administrator may set
     * someone else's.
     */
    @Transactional
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public void rememberLocale(String email, Locale locale) {
        if (!AppUser.normalizeEmail(email).equals(AppUser.normalizeEmail(Actors.current()))
                && !SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(granted -> Role.ADMIN.authority().equals(granted.getAuthority()))) {
            throw new AccessDeniedException("only the user's own language");
        }
        users.findByEmail(AppUser.normalizeEmail(email)).ifPresent(user -> {
            user.preferLocale(locale, clock.instant());
            users.save(user);
        });
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(AppUser.normalizeEmail(email)).map(UserSummary::of);
    }

    /** Everyone who may sign in, by name: the people deals and quotes can be assigned to. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<StaffMember> activeStaff() {
        return jdbc.sql("SELECT email, display_name FROM app_user WHERE enabled ORDER BY display_name")
                .query((rs, n) -> new StaffMember(rs.getString("email"), rs.getString("display_name"))).list();
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }
}
