using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

/// <summary>Drives the article form the way an editor does: open it, fill it in, press a button.</summary>
public static class ArticleForms
{
    public const string NewArticle = "/staff/articles/edit";

    public static Task<int> SectionIdAsync(PortalFactory factory, string slug = "city") =>
        factory.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    /// <summary>Opens the form at <paramref name="url"/>, sets <paramref name="values"/> and presses the <paramref name="command"/> button.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string command, IDictionary<string, string>? values = null)
    {
        var (response, page) = await Html.GetAsync(client, url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        var fields = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["Command"] = command };
        return await Html.SubmitAsync(client, page, "#article-form", fields);
    }

    /// <summary>Writes a new article in the city section and presses <paramref name="command"/>; returns its id.</summary>
    public static async Task<int> CreateAsync(PortalFactory factory, HttpClient client, string headline, string body = "A paragraph of news.", string command = "save-draft", IDictionary<string, string>? more = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.Standfirst"] = $"Standfirst for {headline}.",
            ["Input.SectionId"] = (await SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Tags"] = "newsroom tests, city life",
            ["Input.Authors"] = "Test Reporter",
            ["Input.Body"] = body,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var response = await SubmitAsync(client, NewArticle, command, values);
        return IdFromRedirect(response);
    }

    public static int IdFromRedirect(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect after saving but got {(int)response.StatusCode}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/staff/articles/edit/", location);
        return int.Parse(location["/staff/articles/edit/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Presses a button on an existing article's form, keeping everything else as the form shows it.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, int id, string command, IDictionary<string, string>? values = null) =>
        await SubmitAsync(client, $"/staff/articles/edit/{id}", command, values);

    /// <summary>Posts a form as multipart/form-data with a file, as a browser does for a file input.</summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(
        HttpClient client, IDocument page, string formSelector, IDictionary<string, string> values, string fileField, byte[] file, string fileName, string contentType)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)!;
        var fields = Html.FormFields(form, values);

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(fileContent, fileField, fileName);
        return await client.PostAsync(Html.FormAction(page, form), content);
    }

    /// <summary>Asks for a reader page a bounded number of times until <paramref name="done"/> holds.</summary>
    public static async Task<HttpResponseMessage> PollAsync(HttpClient client, string url, Func<HttpResponseMessage, bool> done, int attempts = 100)
    {
        HttpResponseMessage response = null!;
        for (var i = 0; i < attempts; i++)
        {
            response = await client.GetAsync(url);
            if (done(response))
            {
                return response;
            }

            await Task.Delay(100);
        }

        return response;
    }
}
