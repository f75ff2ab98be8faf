using System.Net;
using AngleSharp.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Consent;

/// <summary>Readers' browsers as the consent tests need them: cookies kept, and the Origin header a browser sends with a POST.</summary>
internal static class Readers
{
    public static HttpClient NewReader(PortalFactory factory)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return client;
    }

    /// <summary>Presses a button of the banner on <paramref name="url"/>, as a reader would ("accept" or "reject").</summary>
    public static async Task<HttpResponseMessage> ChooseAsync(HttpClient reader, string url, string choice)
    {
        var (_, page) = await Html.GetAsync(reader, url);
        Assert.NotNull(page.QuerySelector("#consent-banner"));
        var response = await Html.SubmitAsync(reader, page, "#consent-banner form", new Dictionary<string, string> { ["choice"] = choice });
        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        return response;
    }

    public static IElement? Banner(this IDocument page) => page.QuerySelector("#consent-banner");

    public static IReadOnlyList<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
}
