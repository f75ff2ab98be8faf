using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.SiteAdministration;

/// <summary>Fills in the site details form at /staff/settings the way an administrator does.</summary>
public static class SiteDetailsForms
{
    public const string Url = "/staff/settings";

    /// <summary>Opens the form, changes <paramref name="values"/> (the rest as shown) and saves; returns the answer.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient admin, IDictionary<string, string> values)
    {
        var (response, page) = await Html.GetAsync(admin, Url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(admin, page, "#settings-form", values);
    }

    /// <summary>As <see cref="SubmitAsync"/>, and the save must succeed.</summary>
    public static async Task SaveAsync(HttpClient admin, IDictionary<string, string> values)
    {
        var response = await SubmitAsync(admin, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving the site details answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The message shown beside the field named <paramref name="name"/>.</summary>
    public static string FieldError(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelector($"[name='{name}']")?.ParentElement?.QuerySelector(".field-error")?.TextContent.Trim() ?? "";

    /// <summary>Saves the form with a logo file.</summary>
    public static async Task<HttpResponseMessage> UploadLogoAsync(HttpClient admin, byte[] file, string fileName = "logo.png", string contentType = "image/png")
    {
        var (_, page) = await Html.GetAsync(admin, Url);
        return await ArticleForms.SubmitWithFileAsync(admin, page, "#settings-form", new Dictionary<string, string>(), "Logo", file, fileName, contentType);
    }
}
