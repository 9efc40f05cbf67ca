package dev.rapport.staff;

import java.time.Instant;

/** What a sign-in attempt came to. The page tells a person only "wrong name or password" or "locked". */
public sealed interface LoginResult {

    record SignedIn(StaffMember member) implements LoginResult {}

    /** Unknown name or wrong password (not told apart, so names cannot be probed). */
    record Refused() implements LoginResult {}

    /** Too many wrong passwords: no sign-in before {@code until}, right password or not. */
    record Locked(Instant until) implements LoginResult {}
}
