using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

/// <summary>How a sign-in attempt ended, as the server knows it (the person signing in sees only success or failure).</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    UnknownAccount,
    LockedOut,
    NotAllowed,
}

/// <summary>
/// Staff sign-in with a password, so that it tells an outsider nothing and cannot be raced:
/// <list type="bullet">
/// <item>An unknown address, a locked account and a wrong password get the same answer, and each costs a
/// password hash check (against a throwaway hash when there is no account to check), so neither the words nor
/// the time taken tell which accounts exist.</item>
/// <item>Every attempt first takes its place in the account's failure count with one atomic UPDATE ... RETURNING,
/// and the attempt that reaches the limit sets the lockout in that same statement. However many wrong passwords
/// arrive at once, at most <c>MaxFailedAccessAttempts</c> of them are checked before the account locks, and no
/// password (the right one included) is checked while it is locked.</item>
/// </list>
/// </summary>
public sealed class StaffSignIn(
    NewsDbContext db,
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    IOptions<IdentityOptions> identity,
    TimeProvider clock)
{
    private static readonly StaffUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static string? _throwawayHash;

    public async Task<(SignInOutcome Outcome, StaffUser? User)> PasswordSignInAsync(string email, string password, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            CheckThrowaway(password);
            return (SignInOutcome.UnknownAccount, null);
        }

        var lockout = identity.Value.Lockout;
        // Identity reads the system clock for lockouts (IsLockedOutAsync, the staff list); this does the same.
        var now = DateTimeOffset.UtcNow;
        var until = now.Add(lockout.DefaultLockoutTimeSpan);
        var attempt = await TakeAttemptAsync(user.Id, lockout.MaxFailedAccessAttempts, now, until, ct);
        if (attempt is null)
        {
            CheckThrowaway(password);
            return (SignInOutcome.LockedOut, user);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash ?? ThrowawayHash(), password);
        if (verified == PasswordVerificationResult.Failed || user.PasswordHash is null)
        {
            return (SignInOutcome.WrongPassword, user);
        }

        // The right password ends the count (and a lockout this burst of attempts set, but not an administrator's).
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "AspNetUsers" SET "AccessFailedCount" = 0, "LockoutEnd" = NULL
            WHERE "Id" = {user.Id} AND ("LockoutEnd" IS NULL OR "LockoutEnd" <= {until})
            """, ct);
        if (!await signIn.CanSignInAsync(user))
        {
            return (SignInOutcome.NotAllowed, user);
        }

        await signIn.SignInAsync(user, SessionLifetime.NewSession(clock.GetUtcNow()));
        return (SignInOutcome.SignedIn, user);
    }

    /// <summary>
    /// Counts one attempt on the account unless it is locked: returns the account's failure count after it (0 when
    /// this attempt reached the limit and locked the account), or null when the account is locked. An expired
    /// lockout starts a fresh count.
    /// </summary>
    private async Task<int?> TakeAttemptAsync(string userId, int max, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var counts = await db.Database.SqlQuery<int>($"""
            UPDATE "AspNetUsers" SET
                "AccessFailedCount" = CASE
                    WHEN (CASE WHEN "LockoutEnd" IS NULL THEN "AccessFailedCount" ELSE 0 END) + 1 >= {max} THEN 0
                    ELSE (CASE WHEN "LockoutEnd" IS NULL THEN "AccessFailedCount" ELSE 0 END) + 1 END,
                "LockoutEnd" = CASE
                    WHEN (CASE WHEN "LockoutEnd" IS NULL THEN "AccessFailedCount" ELSE 0 END) + 1 >= {max} THEN {until}
                    ELSE NULL END
            WHERE "Id" = {userId} AND ("LockoutEnd" IS NULL OR "LockoutEnd" <= {now})
            RETURNING "AccessFailedCount" AS "Value"
            """).ToListAsync(ct);
        return counts.Count == 0 ? null : counts[0];
    }

    /// <summary>The same work as checking a real password, against a hash of a random one nobody knows.</summary>
    private void CheckThrowaway(string password) => hasher.VerifyHashedPassword(Nobody, ThrowawayHash(), password);

    private string ThrowawayHash() =>
        _throwawayHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}
