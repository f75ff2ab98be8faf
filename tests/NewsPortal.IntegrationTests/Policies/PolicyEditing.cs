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

    /// <summary>Opens the Chinese version's editor for <paramref name="key"/>, fills in the title and text and saves. Returns the answer.</summary>
    public static async Task<HttpResponseMessage> TranslateAsync(HttpClient admin, string key, string title, string markdown)
    {
        var (response, editor) = await Html.GetAsync(admin, $"/staff/policies/{key}/chinese");
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(admin, editor, "form.translation-editor", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Markdown"] = markdown,
        });
    }

    public static async Task TranslateOkAsync(HttpClient admin, string key, string title, string markdown)
    {
        var response = await TranslateAsync(admin, key, title, markdown);
        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith($"/staff/policies/{key}/chinese?saved=", response.Headers.Location!.OriginalString);
    }

    public static async Task ReviseOkAsync(HttpClient admin, string key, bool material, string? markdown = null, DateTime? effectiveLocal = null)
    {
        var response = await ReviseAsync(admin, key, material, markdown, effectiveLocal);
        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith($"/staff/policies/{key}?saved=", response.Headers.Location!.OriginalString);
    }
}
