using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Security;

/// <summary>
/// Failures are logged, and what is logged never holds a secret: no password, cookie or antiforgery token, no
/// email address, no message or note text, no inbox search. Runs in the log-reading collection, on its own.
/// </summary>
[Collection(nameof(KeepingMessagesOutOfTheLog))]
public sealed class KeepingSecretsOutOfTheLog(LoggedMessagesFactory factory) : IClassFixture<LoggedMessagesFactory>
{
    private const string Password = "Tr0ub4dor-and-3-more-words";

    [Fact]
    public async Task Sign_in_failures_lockouts_and_the_inbox_are_logged_without_secrets()
    {
        const string StaffEmail = "private.moderator@newsportal.test";
        const string ReaderEmail = "private.reader@example.org";
        const string Body = "A confidential tip about the harbour.";
        const string Note = "Internal note about the harbour source.";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Empty(await NewsPortal.Web.Features.Staff.StaffAccounts.CreateAsync(scope.ServiceProvider, StaffEmail, "Private Moderator", StaffRoles.Moderator, Password));
        }

        // Failures: an unknown account, wrong passwords up to a lockout, a form without its token.
        var stranger = factory.CreateBrowserClient();
        await Infrastructure.Staff.SignInAsync(stranger, "unknown.person@example.org", "guessed-password-1");
        for (var i = 0; i < 5; i++)
        {
            await Infrastructure.Staff.SignInAsync(stranger, StaffEmail, $"wrong-{Password}-{i}");
        }

        var lockedOut = await Infrastructure.Staff.SignInAsync(stranger, StaffEmail, Password);
        var refused = await stranger.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = StaffEmail,
            ["Input.Password"] = Password,
        }));
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == StaffEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null).SetProperty(x => x.AccessFailedCount, 0)));

        // A reader's message, then the moderator's day: sign in, search for the reader, read, note, sign out.
        var reader = factory.CreateBrowserClient();
        var values = MessageForm.Valid("Harbour tip");
        values["email"] = ReaderEmail;
        values["message"] = Body;
        var reference = await MessageForm.LeaveAsync(reader, values);
        var moderator = factory.CreateBrowserClient();
        var signedIn = await Infrastructure.Staff.SignInAsync(moderator, StaffEmail, Password);
        Html.AssertStatus(signedIn, HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np_staff=", StringComparison.Ordinal)).Split(';')[0]["np_staff=".Length..];
        var (_, inbox) = await Html.GetAsync(moderator, "/staff/inbox?q=" + Uri.EscapeDataString(ReaderEmail));
        var token = inbox.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await Html.GetAsync(moderator, "/staff/sign-out")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var id = await factory.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync());
        var (_, message) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Html.AssertStatus(await Html.SubmitAsync(moderator, message, "form.note-form", new Dictionary<string, string> { ["NoteText"] = Note }), HttpStatusCode.Redirect);
        await moderator.GetAsync("/staff/inbox/export?tab=read&q=" + Uri.EscapeDataString(ReaderEmail));
        var (_, dashboard) = await Html.GetAsync(moderator, "/staff");
        await Html.SubmitAsync(moderator, dashboard, "form.sign-out");

        var log = factory.Log.Text;
        Html.AssertStatus(lockedOut, HttpStatusCode.OK);
        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        Assert.True(log.Contains("Staff sign-in failed", StringComparison.Ordinal), log);
        Assert.Contains("account locked out", log);
        Assert.Contains("Staff sign-in succeeded", log);
        Assert.Contains("Staff signed out", log);
        foreach (var secret in new[] { Password, "guessed-password-1", StaffEmail, "private.moderator", "unknown.person", ReaderEmail, "private.reader", Body, Note, cookie, token })
        {
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"The log holds a secret: {secret[..Math.Min(12, secret.Length)]}...");
        }
    }
}
