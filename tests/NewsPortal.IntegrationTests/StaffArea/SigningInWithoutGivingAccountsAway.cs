using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffArea;

/// <summary>
/// The real password hasher, with a count of the checks it makes: against real account hashes, and in all. It
/// changes nothing; it lets a test see how much work each sign-in attempt did.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> _real = new();
    private int _accountChecks;
    private int _allChecks;

    public int AccountChecks => Volatile.Read(ref _accountChecks);

    public int AllChecks => Volatile.Read(ref _allChecks);

    public string HashPassword(StaffUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _allChecks);
        if (hashedPassword == user.PasswordHash)
        {
            Interlocked.Increment(ref _accountChecks);
        }

        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The portal with sign-in posts unlimited per address (the tests post in bursts) and the hasher counted.</summary>
public sealed class CountedSignInFactory : PortalFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Staff:SignInRateLimit:PermitLimit", "100000")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IPasswordHasher<StaffUser>>();
            services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher);
        });
    }
}

/// <summary>
/// Sign-in tells an outsider nothing about which accounts exist: an unknown address, a wrong password and a locked
/// account get the same answer after the same work (one password check each). Wrong passwords sent all at once
/// still lock the account after five, with no more than five checked, and the right password is then refused.
/// </summary>
public sealed class SigningInWithoutGivingAccountsAway(CountedSignInFactory factory) : IClassFixture<CountedSignInFactory>
{
    private static async Task<(string Errors, int AccountChecks, int AllChecks)> AttemptAsync(CountedSignInFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in");
        var (accountBefore, allBefore) = (factory.Hasher.AccountChecks, factory.Hasher.AllChecks);
        var response = await Html.SubmitAsync(client, form, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("np_staff=", StringComparison.Ordinal) && !c.StartsWith("np_staff=;", StringComparison.Ordinal)));
        return ((await Html.ParseAsync(response)).Text(".errors"), factory.Hasher.AccountChecks - accountBefore, factory.Hasher.AllChecks - allBefore);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_a_locked_account_get_the_same_answer_after_one_password_check_each()
    {
        var existing = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Editor);
        var locked = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Editor);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == locked).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));

        var unknown = await AttemptAsync(factory, $"nobody-{Guid.NewGuid():N}@newsportal.test", "some-guessed-password");
        var wrong = await AttemptAsync(factory, existing, "some-guessed-password");
        var lockedOut = await AttemptAsync(factory, locked, Infrastructure.Staff.Password);

        Assert.Equal(NewsPortal.Web.Features.Staff.SignInModel.FailedMessage, unknown.Errors);
        Assert.Equal(unknown.Errors, wrong.Errors);
        Assert.Equal(unknown.Errors, lockedOut.Errors);
        Assert.Equal(1, unknown.AllChecks);
        Assert.Equal(1, wrong.AllChecks);
        Assert.Equal(1, lockedOut.AllChecks);
        // Only the wrong password was checked against a real account: a locked account's hash is not even tried.
        Assert.Equal((0, 1, 0), (unknown.AccountChecks, wrong.AccountChecks, lockedOut.AccountChecks));
    }

    [Fact]
    public async Task Forty_wrong_passwords_at_once_get_five_checked_then_lock_the_account_against_the_right_one()
    {
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Admin);
        var client = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = factory.Hasher.AccountChecks;

        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = $"wrong-password-number-{i}",
            });
            return (await client.PostAsync("/staff/sign-in", content)).StatusCode;
        }));
        var checkedInBurst = factory.Hasher.AccountChecks - before;
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        var right = await AttemptAsync(factory, email, Infrastructure.Staff.Password);

        Assert.All(burst, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.InRange(checkedInBurst, 1, 5);
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {lockoutEnd}");
        Assert.Equal(NewsPortal.Web.Features.Staff.SignInModel.FailedMessage, right.Errors);
        Assert.Equal(0, right.AccountChecks);
    }

    [Fact]
    public async Task The_right_password_within_five_attempts_signs_in_and_starts_the_count_again()
    {
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Moderator);
        for (var i = 0; i < 4; i++)
        {
            await AttemptAsync(factory, email, $"wrong-password-{i}");
        }

        Html.AssertStatus(await Infrastructure.Staff.SignInAsync(factory.CreateBrowserClient(), email), HttpStatusCode.Redirect);
        var (count, end) = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync().ContinueWith(t => (t.Result.AccessFailedCount, t.Result.LockoutEnd)));
        for (var i = 0; i < 4; i++)
        {
            await AttemptAsync(factory, email, $"wrong-again-{i}");
        }

        Assert.Equal((0, (DateTimeOffset?)null), (count, end));
        Html.AssertStatus(await Infrastructure.Staff.SignInAsync(factory.CreateBrowserClient(), email), HttpStatusCode.Redirect);
    }
}
