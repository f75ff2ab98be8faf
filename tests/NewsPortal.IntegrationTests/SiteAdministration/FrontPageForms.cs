using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.SiteAdministration;

/// <summary>Drives /staff/front-page the way an editor does.</summary>
public static class FrontPageForms
{
    public const string Url = "/staff/front-page";

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, string form, IDictionary<string, string> values)
    {
        var (response, page) = await Html.GetAsync(editor, Url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(editor, page, form, values);
    }

    public static async Task SaveAsync(HttpClient editor, string form, IDictionary<string, string> values)
    {
        var response = await SubmitAsync(editor, form, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving the front page answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A time as the datetime-local field takes it, in the site's time zone (Asia/Shanghai).</summary>
    public static string Local(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Published articles, newest first: (id, headline, slug, section slug).</summary>
    public static Task<List<(int Id, string Headline, string Slug, string Section)>> PublishedAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db => (await db.Articles.Where(a => a.Status == ArticleStatus.Published)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Headline, a.Slug, Section = a.Section!.Slug }).ToListAsync())
            .Select(a => (a.Id, a.Headline, a.Slug, a.Section)).ToList());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
