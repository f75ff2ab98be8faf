using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Policies;

/// <summary>Saves policy revisions through the staff editor, as an administrator does.</summary>
internal static class PolicyEditing
{
    /// <summary>
    /// Opens the editor for <paramref name="key"/>, changes what is given (the rest stays as the form shows it:
    /// the current text, taking effect now) and saves. Returns the answer.
    /// </summary>
    public static async Task<HttpResponseMessage> ReviseAsync(HttpClient admin, string key, bool material, string? markdown = null, DateTime? effectiveLocal = null)
    {
        var (response, editor) = await Html.GetAsync(admin, $"/staff/policies/{key}");
        Html.AssertStatus(response, HttpStatusCode.OK);
        var values = new Dictionary<string, string> { ["Input.IsMaterial"] = material ? "true" : "false" };
        if (markdown is not null)
        {
            values["Input.Markdown"] = markdown;
        }

        if (effectiveLocal is { } at)
        {
            values["Input.EffectiveAt"] = at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        return await Html.SubmitAsync(admin, editor, "form.policy-editor", values);
    }

    public static async Task ReviseOkAsync(HttpClient admin, string key, bool material, string? markdown = null, DateTime? effectiveLocal = null)
    {
        var response = await ReviseAsync(admin, key, material, markdown, effectiveLocal);
        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith($"/staff/policies/{key}?saved=", response.Headers.Location!.OriginalString);
    }
}
