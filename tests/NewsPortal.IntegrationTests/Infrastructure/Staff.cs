using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Creates staff accounts the way the command does, and signs in through the real sign-in form.</summary>
public static class Staff
{
    public const string Password = "correct-horse-battery-42";

    public static async Task<string> CreateAsync(PortalFactory factory, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsportal.test";
        await using var scope = factory.Services.CreateAsyncScope();
        var errors = await StaffAccounts.CreateAsync(scope.ServiceProvider, email, $"Test {role}", role, Password);
        Assert.Empty(errors);
        return email;
    }

    /// <summary>A cookie-keeping client signed in as a new account in <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalFactory factory, string role)
    {
        var email = await CreateAsync(factory, role);
        var client = factory.CreateBrowserClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fills in and posts the sign-in form as a person would; returns the form's answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var (_, page) = await Html.GetAsync(client, "/staff/sign-in");
        return await Html.SubmitAsync(client, page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }
}
