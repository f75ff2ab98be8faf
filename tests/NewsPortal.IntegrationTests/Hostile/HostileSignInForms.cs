using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Staff sign-in under hostile input: each hostile value is refused with a message and signs nobody in; the return address after sign-in stays on this site.
/// </summary>
public sealed class HostileSignInForms(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly IEnumerable<HostileText> Every = HostileText.All;

    public static TheoryData<string, string> SignInFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in Every)
        {
            data.Add("Input.Email", text.Name);
            data.Add("Input.Password", text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignInFields))]
    public async Task A_hostile_sign_in_is_refused_with_a_message_and_signs_nobody_in(string field, string name)
    {
        var text = HostileText.Named(name);
        var client = portal.Reader();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in");

        var response = await Html.SubmitAsync(client, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = field == "Input.Email" ? text.Value : "nobody@newsportal.test",
            ["Input.Password"] = field == "Input.Password" ? text.Value : "not-the-password-1",
        });

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("np_staff=", StringComparison.Ordinal) && !c.StartsWith("np_staff=;", StringComparison.Ordinal)));
        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Answers.AssertInert(page);
        Assert.Equal("Staff sign in", page.Text("main h1"));
        Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), "No message on the sign-in page");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example", "/staff")]
    [InlineData("https://evil.example", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("javascript:alert(1)", "/staff")]
    [InlineData("/staff/inbox?tab=read", "/staff/inbox?tab=read")]
    [InlineData("/staff/articles?q=重庆", "/staff/articles?q=%E9%87%8D%E5%BA%86")]
    public async Task After_sign_in_the_return_address_stays_on_this_site(string returnUrl, string location)
    {
        var email = await Infrastructure.Staff.CreateAsync(portal, StaffRoles.Admin);
        var client = portal.Reader();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await Html.SubmitAsync(client, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Staff.Password,
        });

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }
}
