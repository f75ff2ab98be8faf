using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.MediaLibrary;

/// <summary>Drives the media library's upload form as an editor does.</summary>
public static class LibraryForms
{
    public const string Library = "/staff/media";

    public sealed record Upload(byte[] Bytes, string FileName, string ContentType, string? Alt = "A test picture", string? Caption = null, string? Credit = null);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Upload upload, string? captions = null)
    {
        var (response, page) = await Html.GetAsync(client, Library);
        Html.AssertStatus(response, HttpStatusCode.OK);
        var form = page.QuerySelector<IHtmlFormElement>("#media-upload-form")!;
        var fields = Html.FormFields(form, new Dictionary<string, string>
        {
            ["Upload.AltText"] = upload.Alt ?? "",
            ["Upload.Caption"] = upload.Caption ?? "",
            ["Upload.Credit"] = upload.Credit ?? "",
        });

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(upload.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
        content.Add(file, "FileUpload", upload.FileName);
        if (captions is not null)
        {
            var vtt = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(captions));
            vtt.Headers.ContentType = new MediaTypeHeaderValue("text/vtt");
            content.Add(vtt, "Captions", "captions.vtt");
        }

        return await client.PostAsync(Html.FormAction(page, form), content);
    }

    /// <summary>Uploads and returns the new item's number (from the redirect to its page).</summary>
    public static async Task<int> AddAsync(HttpClient client, Upload upload, string? captions = null)
    {
        var response = await UploadAsync(client, upload, captions);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            Assert.Fail($"Upload answered {(int)response.StatusCode}: {page.Text("#media-upload-form .errors")}");
        }

        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/staff/media/", location);
        return int.Parse(location["/staff/media/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
