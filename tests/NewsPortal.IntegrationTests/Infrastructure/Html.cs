using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Reads pages the way a browser would, and submits their forms with every field they carry.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// Fills the form matched by <paramref name="formSelector"/> with <paramref name="values"/> (by field name),
    /// keeping every other field as the page rendered it (hidden fields and the antiforgery token included),
    /// and posts it to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IDocument page, string formSelector, IDictionary<string, string>? values = null, string? submitName = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}");
        var fields = FormFields(form, values, submitName);
        var target = FormAction(page, form);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// The fields a browser would send for <paramref name="form"/>: every named input, textarea and select as
    /// the page rendered it (hidden fields and the antiforgery token included), with <paramref name="values"/>
    /// put in place of or beside them.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form, IDictionary<string, string>? values = null, string? submitName = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "file")
                    {
                        continue;
                    }

                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
                case IHtmlButtonElement button when submitName is not null && button.Name == submitName:
                    fields.Add(new(button.Name!, button.Value));
                    break;
            }
        }

        if (values is not null)
        {
            foreach (var (name, value) in values)
            {
                fields.RemoveAll(f => f.Key == name);
                fields.Add(new(name, value));
            }
        }

        return fields;
    }

    /// <summary>Where the form posts: its action, or the page's own address.</summary>
    public static string FormAction(IDocument page, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
    }

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public static void AssertStatus(HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}");
}
