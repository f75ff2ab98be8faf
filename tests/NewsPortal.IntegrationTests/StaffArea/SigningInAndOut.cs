using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffArea;

/// <summary>
/// Staff sign-in: the account locks after five wrong passwords (even the right one is then refused) and opens
/// again after fifteen minutes; weak passwords are refused; signing out ends the session everywhere, so the old
/// cookie opens nothing; staff answers are never stored.
/// </summary>
public sealed class SigningInAndOut(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string? StaffCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("np_staff=", StringComparison.Ordinal) && !c.StartsWith("np_staff=;", StringComparison.Ordinal))
                .Select(c => c.Split(';')[0]).FirstOrDefault()
            : null;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_fifteen_minutes_have_passed()
    {
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Moderator);
        var client = factory.CreateBrowserClient();

        var wrong = new List<string>();
        var before = DateTimeOffset.UtcNow;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await Infrastructure.Staff.SignInAsync(client, email, $"wrong-password-{attempt}");
            Html.AssertStatus(response, HttpStatusCode.OK);
            Assert.Null(StaffCookie(response));
            wrong.Add((await Html.ParseAsync(response)).Text(".errors"));
        }

        var after = DateTimeOffset.UtcNow;
        var locked = await Infrastructure.Staff.SignInAsync(client, email, Infrastructure.Staff.Password);
        var lockedUntil = await LockoutEndAsync(email);
        var stillLocked = await Infrastructure.Staff.SignInAsync(client, email, Infrastructure.Staff.Password);

        // Identity reads the system clock for lockouts: fifteen minutes passing is the lockout's end moving into the past.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var open = await Infrastructure.Staff.SignInAsync(client, email, Infrastructure.Staff.Password);

        // Locked for fifteen minutes from the fifth wrong attempt, whenever within the loop that was.
        Assert.InRange(lockedUntil!.Value, before.AddMinutes(15), after.AddMinutes(15));

        // One answer for every failure, locked or not: it mentions the lockout without saying which case this is.
        Assert.All(wrong, m => Assert.Equal(NewsPortal.Web.Features.Staff.SignInModel.FailedMessage, m));
        foreach (var refused in new[] { locked, stillLocked })
        {
            Html.AssertStatus(refused, HttpStatusCode.OK);
            Assert.Null(StaffCookie(refused));
            Assert.Equal(NewsPortal.Web.Features.Staff.SignInModel.FailedMessage, (await Html.ParseAsync(refused)).Text(".errors"));
        }

        Html.AssertStatus(open, HttpStatusCode.Redirect);
        Assert.NotNull(StaffCookie(open));
    }

    private Task<DateTimeOffset?> LockoutEndAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());

    [Fact]
    public async Task After_signing_out_the_old_session_cookie_no_longer_opens_the_staff_area()
    {
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Admin);
        var browser = factory.CreateBrowserClient();
        var signedIn = await Infrastructure.Staff.SignInAsync(browser, email, Infrastructure.Staff.Password);
        var stolen = StaffCookie(signedIn);
        Assert.NotNull(stolen);
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Html.AssertStatus(await Send(copy, stolen), HttpStatusCode.OK);

        var (_, dashboard) = await Html.GetAsync(browser, "/staff");
        var signedOut = await Html.SubmitAsync(browser, dashboard, "form.sign-out");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var replayed = await Send(copy, stolen);

        Html.AssertStatus(signedOut, HttpStatusCode.Redirect);
        Html.AssertStatus(replayed, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/sign-in", replayed.Headers.Location!.PathAndQuery());
        Html.AssertStatus(await browser.GetAsync("/staff"), HttpStatusCode.Redirect);

        static Task<HttpResponseMessage> Send(HttpClient client, string cookie)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
            request.Headers.Add("Cookie", cookie);
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task A_locked_account_loses_a_session_it_already_had()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Editor);
        var editor = factory.CreateBrowserClient();
        Html.AssertStatus(await Infrastructure.Staff.SignInAsync(editor, email, Infrastructure.Staff.Password), HttpStatusCode.Redirect);
        Html.AssertStatus(await editor.GetAsync("/staff/articles"), HttpStatusCode.OK);

        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        Html.AssertStatus(await Html.SubmitAsync(admin, list, $"tr[data-email='{email}'] form.lock-form"), HttpStatusCode.Redirect);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var response = await editor.GetAsync("/staff/articles");
        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery());
    }

    [Theory]
    [InlineData("short-pw-1", "at least 12 characters")]
    [InlineData("password1234", "too easy to guess")]
    [InlineData("P@ssw0rd2026!", "too easy to guess")]
    [InlineData("aaaaaaaaaaa1", "too easy to guess")]
    [InlineData("qwertyuiop12", "too easy to guess")]
    [InlineData("123456789012", "too easy to guess")]
    [InlineData("abcabcabcabc", "too easy to guess")]
    [InlineData("            1a", "too easy to guess")]
    [InlineData("no-digits-in-this-one", null)]
    [InlineData("ALL-CAPITALS-AND-NO-LOWER", null)]
    [InlineData("correct-horse-battery-42", null)]
    [InlineData("a long passphrase of many plain words that runs well past sixty-four characters in all", null)]
    public async Task Passwords_need_twelve_characters_and_must_not_be_easy_to_guess_with_no_rules_about_kinds_of_characters(string password, string? refusal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var email = $"rules-{Guid.NewGuid():N}@newsportal.test";

        var errors = await NewsPortal.Web.Features.Staff.StaffAccounts.CreateAsync(scope.ServiceProvider, email, "Rules", StaffRoles.Editor, password);

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
        if (refusal is null)
        {
            Assert.Empty(errors);
            Assert.NotNull(user);
            Html.AssertStatus(await Infrastructure.Staff.SignInAsync(factory.CreateBrowserClient(), email, password), HttpStatusCode.Redirect);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(refusal, StringComparison.OrdinalIgnoreCase));
            Assert.Null(user);
        }
    }
}

internal static class LocationPaths
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
